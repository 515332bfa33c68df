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
 * Issue 13, through the real routes with the bundled world data: a recent artist, a public figure
 * written in Hangul and a character are rewritten before the image call, and each sidecar's policy
 * says so; an artist older than the cut-off is named as written, with nothing recorded.
 */
class KnownNamesTest {

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
    void aRecentArtistIsDescribedByStyle() {
        app.drop("mucha.json", "{\"prompt\": \"a tea poster in the style of Alphonse Mucha\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("mucha", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).doesNotContain("Mucha").contains("Art Nouveau");
        assertThat(sidecar.path("revised_prompt").asText()).doesNotContain("Mucha");
        assertThat(entries(sidecar, "artists")).singleElement()
                .satisfies(e -> assertThat(e.path("detail").asText()).contains("Alphonse Mucha", "ornate, flowing, decorative"));
    }

    @Test
    void aPublicFigureInHangulBecomesAGenericPerson() {
        app.drop("son.json", "{\"prompt\": \"손흥민이 축구장에서 골을 넣는 장면\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("son", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).doesNotContain("손흥민").contains("athletic man");
        assertThat(entries(sidecar, "public-figures")).singleElement()
                .satisfies(e -> assertThat(e.path("detail").asText()).contains("손흥민"));
    }

    @Test
    void aCharacterIsDescribedWithoutItsName() {
        app.drop("elsa.json", "{\"prompt\": \"Elsa from Frozen building a snowman in a park\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("elsa", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).doesNotContain("Elsa", "Frozen").contains("platinum braid");
        assertThat(entries(sidecar, "studios-and-characters")).singleElement()
                .satisfies(e -> assertThat(e.path("detail").asText()).contains("Elsa from Frozen"));
    }

    @Test
    void anArtistOlderThanTheCutOffIsNamedAsWritten() {
        app.drop("vermeer.json", "{\"prompt\": \"a kitchen maid pouring milk in the style of Vermeer\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("vermeer", 1).get(0);

        assertThat(sidecar.path("image_prompt").asText()).contains("Vermeer");
        assertThat(entries(sidecar, "artists")).isEmpty();
    }

    private static List<JsonNode> entries(JsonNode sidecar, String rule) {
        return StreamSupport.stream(sidecar.path("policy").spliterator(), false)
                .filter(e -> e.path("rule").asText().equals(rule)).toList();
    }
}
