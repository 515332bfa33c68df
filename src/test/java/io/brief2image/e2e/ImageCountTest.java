package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 point 9, through the real pipeline: a brief's own n is never raised by count words in
 * its prompt; the words choose the count only when the brief has no n (capped at max_images), and
 * may lower it. The sidecar's policy says which happened.
 */
class ImageCountTest {

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
    void anExplicitNIsNotRaisedByTheWords() {
        app.drop("kite.json", "{\"prompt\": \"a red kite, 6 images please\", \"n\": 1}");

        JsonNode sidecar = app.awaitSidecars("kite", 1).get(0);

        assertThat(sidecar.path("count").asInt()).isEqualTo(1);
        assertThat(images("kite")).hasSize(1);
        assertThat(sidecar.path("image_prompt").asText()).contains("a red kite").doesNotContain("6 images", "please");
        assertThat(countEntries(sidecar)).extracting(e -> e.path("action").asText()).containsExactly("removed", "kept");
        assertThat(countEntries(sidecar).get(1).path("detail").asText()).contains("n 1 stands", "asks for 6");
    }

    @Test
    void withoutNTheWordsChooseTheCountUpToTheCap() {
        app.drop("foxes.json", "{\"prompt\": \"3 images of a fox in the snow\"}");

        List<JsonNode> sidecars = app.awaitSidecars("foxes", 2);

        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("count").asInt()).isEqualTo(2);
            assertThat(countEntries(s)).extracting(e -> e.path("action").asText()).containsExactly("removed", "set", "capped");
            assertThat(countEntries(s).get(2).path("detail").asText()).isEqualTo("3 → 2");
        });
        assertThat(images("foxes")).hasSize(2);
    }

    @Test
    void theWordsMayLowerAnExplicitN() {
        app.drop("teapot.json", "{\"prompt\": \"one image of a teapot on a windowsill\", \"n\": 2}");

        JsonNode sidecar = app.awaitSidecars("teapot", 1).get(0);

        assertThat(sidecar.path("count").asInt()).isEqualTo(1);
        assertThat(images("teapot")).hasSize(1);
        assertThat(countEntries(sidecar)).extracting(e -> e.path("action").asText()).containsExactly("removed", "lowered");
        assertThat(countEntries(sidecar).get(1).path("detail").asText()).startsWith("n 2 → 1");
    }

    private static List<JsonNode> countEntries(JsonNode sidecar) {
        return StreamSupport.stream(sidecar.path("policy").spliterator(), false)
                .filter(e -> e.path("rule").asText().equals("max-images")).toList();
    }

    private static List<Path> images(String id) {
        try (Stream<Path> files = Files.list(app.outbox().resolve(id))) {
            return files.filter(f -> f.toString().endsWith(".png")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
