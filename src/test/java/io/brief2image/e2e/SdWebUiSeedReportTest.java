package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.brief2image.testing.RunningApp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider=sd-webui against a scripted WebUI (WireMock) that reports other seeds than were asked:
 * the sidecars carry the reported ones. (Its own class: two apps in one JVM would share the
 * embedded broker's in-process name.)
 */
class SdWebUiSeedReportTest {

    @TempDir
    Path root;

    /** A real WebUI may use other seeds than asked (-1, or its own variation); only info says which. */
    @Test
    void theSeedsRecordedAreTheOnesInInfoNotTheOnesAsked() throws Exception {
        WireMockServer webUi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        webUi.start();
        try (RunningApp reporting = new RunningApp(root).set("provider", "sd-webui").set("model", "stable-diffusion")
                .set("sd-webui-url", "http://127.0.0.1:" + webUi.port() + "/")) {
            webUi.stubFor(post(urlEqualTo("/sdapi/v1/txt2img")).willReturn(okJson(replyWithSeeds(
                    "{\"seed\": 3000000001, \"all_seeds\": [3000000001, 3000000002], \"batch_size\": 2}"))));
            reporting.start();

            reporting.drop("owl.json", "{\"prompt\": \"an owl at night\", \"n\": 2, \"seed\": 5, \"expand\": false}");
            List<JsonNode> sidecars = reporting.awaitSidecars("owl", 2);

            assertThat(sidecars).extracting(s -> s.path("seed").asLong()).containsExactly(3000000001L, 3000000002L);
            webUi.verify(postRequestedFor(urlEqualTo("/sdapi/v1/txt2img"))
                    .withRequestBody(equalToJson("{\"prompt\": \"an owl at night\", \"seed\": 5, \"batch_size\": 2, "
                            + "\"width\": 1024, \"height\": 1024}", true, true))
                    .withRequestBody(matchingJsonPath("$.steps"))
                    .withoutHeader("Authorization"));
        } finally {
            webUi.stop();
        }
    }

    private static String replyWithSeeds(String info) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode reply = json.createObjectNode();
        String png = Base64.getEncoder().encodeToString(tinyPng());
        reply.putArray("images").add(png).add(png);
        reply.putObject("parameters");
        reply.put("info", info);
        return json.writeValueAsString(reply);
    }

    private static byte[] tinyPng() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
