package io.brief2image.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
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

    private static final String REPORT = ".error.json";

    private final Path failed;

    public DeadLetterFolder(Path failed) {
        this.failed = failed;
    }

    /** Dead letters waiting, counted by their reports (the original file may be gone already). */
    public long count() {
        long count = 0;
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(failed, "*" + REPORT)) {
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
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(failed, "*" + REPORT)) {
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
        String fileName = report.getFileName().toString();
        try {
            JsonNode error = Json.MAPPER.readTree(report.toFile());
            return Optional.of(new DeadLetterEntry(
                    fileName.substring(0, fileName.length() - REPORT.length()),
                    error.path("brief_id").asText(""),
                    error.path("stage").asText(""),
                    error.path("reason").asText(""),
                    error.hasNonNull("detail") ? error.path("detail").asText() : null,
                    error.hasNonNull("http_status") ? error.path("http_status").asInt() : null,
                    error.path("attempts").asInt(0),
                    error.path("failed_at").asText(""),
                    error.path("source").path("channel").asText("file")));
        } catch (IOException e) {
            // a report being written right now or damaged: leave it out of the list rather than fail the page
            return Optional.empty();
        }
    }
}
