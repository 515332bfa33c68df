package io.brief2image.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.base.PartialFiles;
import io.brief2image.base.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** failed/*.error.json is read and written by ErrorReport alone, and the format on disk stays as it was. */
class ErrorReportTest {

    @TempDir
    Path failed;
    @TempDir
    Path data;

    @Test
    void writesTheSnakeCaseFieldsBesideTheDeadLetterAndReadsThemBack() throws Exception {
        ErrorReport report = new ErrorReport("cat", "render", "The provider refused it.", "HTTP 400", 400, "bad size", 2,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:05Z", "cat.json", new Source("jms", "cat.json", "briefs", "ID:1", "json"));
        Path deadLetter = failed.resolve("cat.json");

        report.writeBeside(deadLetter, new PartialFiles(data));

        Path written = failed.resolve("cat.json.error.json");
        JsonNode json = Json.MAPPER.readTree(written.toFile());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("brief_id", "stage", "reason", "detail", "http_status", "provider_error", "attempts",
                "first_seen", "failed_at", "original_name", "source");
        assertThat(json.path("source").path("channel").asText()).isEqualTo("jms");
        assertThat(ErrorReport.read(written)).isEqualTo(report);
        assertThat(ErrorReport.in(failed)).containsExactly(written);
        assertThat(ErrorReport.deadLetterOf(written)).isEqualTo(deadLetter);
    }

    @Test
    void aReportThatDoesNotSayHowTheBriefCameIsAFileBrief() throws Exception {
        Path written = failed.resolve("old.json.error.json");
        Files.writeString(written, "{\"brief_id\": \"old\", \"stage\": \"validation\", \"reason\": \"No prompt.\", \"attempts\": 1}");

        ErrorReport report = ErrorReport.read(written);

        assertThat(report.channel()).isEqualTo("file");
        assertThat(report.format()).isEqualTo("json");
        assertThat(report.originalNameOr("old.json")).isEqualTo("old.json");
        assertThat(report.detail()).isNull();
    }
}
