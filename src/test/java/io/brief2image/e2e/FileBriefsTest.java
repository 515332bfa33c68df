package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropped JSON, TXT and CSV briefs become images with complete sidecars (offline provider, real routes). */
class FileBriefsTest {

    static final List<String> SIDECAR_FIELDS = List.of("brief_id", "image_id", "index", "count", "file", "bytes", "sha256",
            "media_type", "prompt", "image_prompt", "revised_prompt", "revised_by", "seed", "seed_honored", "model", "size",
            "quality", "style", "output_format", "provider", "usage", "policy", "expansion", "parent", "source", "metadata",
            "created", "attempts", "timings_ms", "cost_usd", "request_id");

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
    void jsonBriefBecomesTwoImagesWithCompleteSidecars() throws Exception {
        app.drop("spring-hero.json", """
                {"prompt": "a red bicycle leaning on a wall", "seed": 42, "metadata": {"campaign": "spring"}}""");
        List<JsonNode> sidecars = app.awaitSidecars("spring-hero", 2);
        for (int k = 1; k <= 2; k++) {
            JsonNode sidecar = sidecars.get(k - 1);
            assertThat(SIDECAR_FIELDS).allSatisfy(field -> assertThat(sidecar.has(field)).as(field).isTrue());
            assertThat(sidecar.path("image_id").asText()).isEqualTo("spring-hero-" + k);
            assertThat(sidecar.path("index").asInt()).isEqualTo(k);
            assertThat(sidecar.path("count").asInt()).isEqualTo(2);
            assertThat(sidecar.path("seed").asLong()).isEqualTo(42 + k - 1);
            assertThat(sidecar.path("seed_honored").asBoolean()).isTrue();
            assertThat(sidecar.path("provider").asText()).isEqualTo("offline");
            assertThat(sidecar.path("model").asText()).isEqualTo("gpt-image-2");
            assertThat(sidecar.path("size").asText()).isEqualTo("1024x1024");
            assertThat(sidecar.path("prompt").asText()).isEqualTo("a red bicycle leaning on a wall");
            assertThat(sidecar.path("image_prompt").asText()).contains("red bicycle");
            assertThat(sidecar.path("revised_by").asText()).isIn("rules", "gpt", "none", "provider");
            assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("rules");
            assertThat(sidecar.path("metadata").path("campaign").asText()).isEqualTo("spring");
            assertThat(sidecar.path("source").path("channel").asText()).isEqualTo("file");
            assertThat(sidecar.path("source").path("name").asText()).isEqualTo("spring-hero.json");
            assertThat(sidecar.path("usage").path("output_tokens").asLong()).isPositive();
            assertThat(sidecar.path("cost_usd").asDouble()).isPositive();
            assertThat(sidecar.path("request_id").asText()).startsWith("req_");
            assertThat(sidecar.path("attempts").asInt()).isEqualTo(1);
            assertThat(sidecar.path("timings_ms").has("render")).isTrue();
            assertThat(sidecar.path("media_type").asText()).isEqualTo("image/png");

            Path image = app.outbox().resolve("spring-hero").resolve(sidecar.path("file").asText());
            byte[] bytes = Files.readAllBytes(image);
            assertThat(bytes.length).isEqualTo(sidecar.path("bytes").asLong());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(sidecar.path("sha256").asText());
            assertThat(ImageIO.read(image.toFile()).getWidth()).isEqualTo(1024);
        }
        // the two captions differ: one is a photo, the other another image type
        assertThat(sidecars.get(0).path("image_prompt").asText()).isNotEqualTo(sidecars.get(1).path("image_prompt").asText());
        assertThat(sidecars).anySatisfy(s -> assertThat(s.path("image_prompt").asText()).startsWith("Photo"));
        // the original is kept, out of the inbox
        assertThat(app.inbox().resolve("spring-hero.json")).doesNotExist();
        try (var kept = Files.walk(app.root().resolve("data").resolve("ingested"))) {
            assertThat(kept.filter(f -> f.toString().endsWith("spring-hero.json"))).hasSize(1);
        }
    }

    @Test
    void textFileIsTheWholePrompt() {
        app.drop("beach.txt", "a quiet beach at dawn, pastel sky\n");
        List<JsonNode> sidecars = app.awaitSidecars("beach", 2);
        assertThat(sidecars).allSatisfy(s -> {
            assertThat(s.path("prompt").asText()).isEqualTo("a quiet beach at dawn, pastel sky");
            assertThat(s.path("source").path("format").asText()).isEqualTo("txt");
        });
    }

    @Test
    void spreadsheetRowsBecomeBriefs() {
        app.drop("catalog.csv", "prompt,n,size,metadata.owner\n"
                + "\"a teapot, studio light\",1,wide,ann\n"
                + "a lemon on a plate,,,bob\n");
        JsonNode first = app.awaitSidecars("catalog-1", 1).get(0);
        assertThat(first.path("size").asText()).isEqualTo("1536x1024");
        assertThat(first.path("prompt").asText()).isEqualTo("a teapot, studio light");
        assertThat(first.path("metadata").path("owner").asText()).isEqualTo("ann");
        assertThat(first.path("source").path("name").asText()).isEqualTo("catalog-row1.csv");
        List<JsonNode> second = app.awaitSidecars("catalog-2", 2);
        assertThat(second).allSatisfy(s -> assertThat(s.path("metadata").path("owner").asText()).isEqualTo("bob"));
    }

    @Test
    void verbatimBriefSendsThePromptAsWritten() {
        app.drop("verbatim.json", """
                {"prompt": "Watercolor painting of a lighthouse on a cliff", "expand": false, "n": 1}""");
        JsonNode sidecar = app.awaitSidecars("verbatim", 1).get(0);
        assertThat(sidecar.path("image_prompt").asText()).isEqualTo("Watercolor painting of a lighthouse on a cliff");
        assertThat(sidecar.path("revised_by").asText()).isEqualTo("none");
        assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("verbatim");
    }

    @Test
    void moreThanTwoImagesAreReducedAndRecorded() {
        app.drop("many.json", """
                {"prompt": "a green apple", "n": 5}""");
        List<JsonNode> sidecars = app.awaitSidecars("many", 2);
        assertThat(sidecars.get(0).path("count").asInt()).isEqualTo(2);
        assertThat(sidecars.get(0).path("policy").findValuesAsText("rule")).contains("max-images");
    }

    @Test
    void sameSeedAndPromptGiveIdenticalBytes() {
        String brief = """
                {"prompt": "Photo of a blue door", "expand": false, "n": 1, "seed": 7}""";
        app.drop("door-a.json", brief);
        app.drop("door-b.json", brief);
        String a = app.awaitSidecars("door-a", 1).get(0).path("sha256").asText();
        String b = app.awaitSidecars("door-b", 1).get(0).path("sha256").asText();
        assertThat(a).isEqualTo(b);
    }
}
