package io.brief2image.ops;

import io.brief2image.deadletter.ErrorReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads failed/: each dead letter is a file with an {@code .error.json} report beside it. */
public final class DeadLetterFolder {

    private final Path failed;

    public DeadLetterFolder(Path failed) {
        this.failed = failed;
    }

    /** Dead letters waiting, counted by their reports (the original file may be gone already). */
    public long count() {
        long count = 0;
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(failed, "*" + ErrorReport.SUFFIX)) {
            for (Path ignored : reports) {
                count++;
            }
        } catch (IOException e) {
            return -1;
        }
        return count;
    }

    /** The newest dead letters first, at most {@code limit}. */
    public List<DeadLetterEntry> newest(int limit) {
        List<DeadLetterEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(failed, "*" + ErrorReport.SUFFIX)) {
            for (Path report : reports) {
                entryOf(report).ifPresent(entries::add);
            }
        } catch (IOException e) {
            return List.of();
        }
        entries.sort(Comparator.comparing(DeadLetterEntry::failedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    private static Optional<DeadLetterEntry> entryOf(Path report) {
        try {
            ErrorReport error = ErrorReport.read(report);
            return Optional.of(new DeadLetterEntry(ErrorReport.deadLetterOf(report).getFileName().toString(),
                    orEmpty(error.briefId()), orEmpty(error.stage()), orEmpty(error.reason()), error.detail(), error.httpStatus(),
                    error.attempts(), orEmpty(error.failedAt()), error.channel()));
        } catch (IOException e) {
            // a report being written right now or damaged: leave it out of the list rather than fail the page
            return Optional.empty();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
