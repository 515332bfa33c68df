package io.brief2image.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.brief2image.base.AtomicFiles;
import io.brief2image.base.Json;
import io.brief2image.base.PartialFiles;
import io.brief2image.base.Source;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code failed/<name>.error.json}: why a brief failed. {@code reason} is a sentence for the person
 * who wrote the brief; {@code detail} the technical text behind it, for the operator (may be null).
 * {@code made} and {@code missing} (image ids, null when no image was made) say which images of a brief
 * that failed part way are in the outbox and which are still to make.
 * This record is the one reader and writer of the format: the dead-letter channel writes it, replay
 * and the operators' pages read it.
 */
public record ErrorReport(String briefId, String stage, String reason, String detail, Integer httpStatus, String providerError,
                          int attempts, String firstSeen, String failedAt, String originalName, Source source,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> made,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> missing) {

    /** A report of a brief none of whose images was made. */
    public ErrorReport(String briefId, String stage, String reason, String detail, Integer httpStatus, String providerError,
                       int attempts, String firstSeen, String failedAt, String originalName, Source source) {
        this(briefId, stage, reason, detail, httpStatus, providerError, attempts, firstSeen, failedAt, originalName, source, null, null);
    }

    /**
     * Whether some of the brief's images are in the outbox and others ({@code missing}, image ids) are not:
     * replay puts the brief back all the same, and the pipeline makes only the missing ones.
     */
    public boolean partlyMade() {
        return missing != null && !missing.isEmpty();
    }

    /** A dead letter {@code failed/<name>} has its report at {@code failed/<name>.error.json}. */
    public static final String SUFFIX = ".error.json";

    /** Reads a report; a damaged or half-written one throws. */
    public static ErrorReport read(Path report) throws IOException {
        return Json.MAPPER.readValue(report.toFile(), ErrorReport.class);
    }

    /** Writes this report beside its dead letter, atomically. */
    void writeBeside(Path deadLetter, PartialFiles partials) throws IOException {
        AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(this), reportOf(deadLetter));
    }

    /** The reports in a failed folder, sorted by name. */
    public static List<Path> in(Path failedDir) throws IOException {
        List<Path> reports = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(failedDir, "*" + SUFFIX)) {
            files.forEach(reports::add);
        }
        reports.sort(null);
        return reports;
    }

    public static Path reportOf(Path deadLetter) {
        return deadLetter.resolveSibling(deadLetter.getFileName() + SUFFIX);
    }

    /** The dead letter a report is about (it may be gone: a file refused unread, or moved since). */
    public static Path deadLetterOf(Path report) {
        String name = report.getFileName().toString();
        return report.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** How the brief came: "file" (also for reports that do not say) or "jms". */
    public String channel() {
        return source != null && source.channel() != null ? source.channel() : "file";
    }

    /** The brief's format as the source recorded it, "json" when it does not say. */
    public String format() {
        return source != null && source.format() != null ? source.format() : "json";
    }

    public String originalNameOr(String fallback) {
        return originalName != null ? originalName : fallback;
    }
}
