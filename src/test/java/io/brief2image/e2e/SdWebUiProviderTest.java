package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider=sd-webui against a Stable Diffusion WebUI-style server: seeds go in, the seeds the server
 * reports in {@code info} come out in the sidecars, and the same seed gives the same bytes.
 */
class SdWebUiProviderTest {

    @TempDir
    static Path root;
    static OfflineImageServer server;
    static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults());
        app = new RunningApp(root)
                .set("provider", "sd-webui")
                .set("sd-webui-url", server.sdWebUiUrl())
                .set("model", "stable-diffusion")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    @Test
    void seedsRoundTripAndTheSameBriefGivesTheSameBytes() {
        String brief = "{\"prompt\": \"a copper kettle on a stove\", \"n\": 2, \"seed\": 1234, \"expand\": false, \"size\": \"wide\"}";
        app.drop("kettle.json", brief);
        List<JsonNode> first = app.awaitSidecars("kettle", 2);
        assertThat(first).extracting(s -> s.path("seed").asLong()).containsExactly(1234L, 1235L);
        assertThat(first).allSatisfy(s -> {
            assertThat(s.path("seed_honored").asBoolean()).isTrue();
            assertThat(s.path("provider").asText()).isEqualTo("sd-webui");
            assertThat(s.path("model").asText()).isEqualTo("stable-diffusion");
            assertThat(s.path("size").asText()).isEqualTo("1344x768");
            assertThat(s.path("cost_usd").asDouble()).isZero();
        });
        RecordedRequest call = server.requests().stream().filter(r -> "a copper kettle on a stove".equals(r.prompt())).findFirst().orElseThrow();
        assertThat(call.path()).isEqualTo("/sdapi/v1/txt2img");
        assertThat(call.n()).isEqualTo(2);
        assertThat(call.seed()).isEqualTo(1234L);
        assertThat(call.size()).isEqualTo("1344x768");
        assertThat(call.fields()).containsEntry("steps", 30);

        app.drop("kettle-again.json", brief);
        List<JsonNode> again = app.awaitSidecars("kettle-again", 2);
        assertThat(again).extracting(s -> s.path("sha256").asText())
                .containsExactlyElementsOf(first.stream().map(s -> s.path("sha256").asText()).toList());
    }

    @Test
    void withoutSeedTheSidecarRecordsTheConcreteSeedTheServerUsed() {
        app.drop("teapot.json", "{\"prompt\": \"a blue teapot\", \"n\": 2, \"expand\": false}");
        List<JsonNode> sidecars = app.awaitSidecars("teapot", 2);
        RecordedRequest call = server.requests().stream().filter(r -> "a blue teapot".equals(r.prompt())).findFirst().orElseThrow();
        long used = sidecars.get(0).path("seed").asLong();
        assertThat(used).isNotNegative().isEqualTo(call.seed());
        assertThat(sidecars.get(1).path("seed").asLong()).isEqualTo(used + 1);
    }
}
