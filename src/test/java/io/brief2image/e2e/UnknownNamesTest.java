package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 point 2 through the real routes: a person and an artist on no list do not reach the image
 * prompt, and the sidecar's policy says so (`named-person`, `unknown-artist`); a brief full of traps
 * (a breed, a landmark, a station) passes with its words and no such entry.
 */
class UnknownNamesTest {

    @TempDir
    static Path root;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(root).start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anUnknownPersonAndArtistAreRewrittenAndRecorded() {
        app.drop("team.json", "{\"prompt\": \"a portrait of Sarah Johnson reading in a cafe, in the style of Jonas Feldmann\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("team", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).doesNotContain("Sarah", "Johnson", "Jonas", "Feldmann").contains("woman");
        assertThat(entries(sidecar, "named-person")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("replaced"));
        assertThat(entries(sidecar, "named-person").get(0).path("detail").asText()).isEqualTo("'Sarah Johnson' → 'a woman'");
        assertThat(entries(sidecar, "unknown-artist")).isNotEmpty();
        assertThat(entries(sidecar, "unknown-artist").get(0).path("detail").asText()).startsWith("'in the style of Jonas Feldmann'");
    }

    @Test
    void aBriefOfTrapsPassesUnchanged() {
        app.drop("terrier.json", "{\"prompt\": \"a Jack Russell terrier at Victoria Station next to the Golden Gate poster\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("terrier", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).contains("Jack Russell terrier", "Victoria Station", "Golden Gate");
        assertThat(entries(sidecar, "named-person")).isEmpty();
        assertThat(entries(sidecar, "unknown-artist")).isEmpty();
    }

    private static List<JsonNode> entries(JsonNode sidecar, String rule) {
        return StreamSupport.stream(sidecar.path("policy").spliterator(), false)
                .filter(e -> e.path("rule").asText().equals(rule)).toList();
    }
}
