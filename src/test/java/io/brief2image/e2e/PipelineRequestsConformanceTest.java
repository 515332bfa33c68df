package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static io.brief2image.testing.ChatStandIn.tunedPrompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.OpenApiSchemas;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real routes send is what OpenAI's spec allows: every request kind the pipeline makes
 * (images generations, edits' multipart fields, chat completions, responses' image tool) is checked
 * against the official request schemas.
 */
class PipelineRequestsConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    ChatStandIn chatServer;

    @BeforeEach
    void chatStandIn() {
        chatServer = new ChatStandIn();
        chatServer.server().stubFor(chat().willReturn(captions("Photo of a meadow under a blue sky, wild flowers")));
        chatServer.server().stubFor(chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("tune")))
                .willReturn(tunedPrompt("Photo of a meadow under a purple sky, wild flowers")));
    }

    @AfterEach
    void stopChat() {
        chatServer.close();
    }

    @Test
    void imagesGenerationsEditsAndChatRequestsMatchTheSpec() throws Exception {
        // images from the built-in offline provider, captions and tunes from the chat stand-in
        try (RunningApp imagesApp = new RunningApp(root).set("openai-api-key", "sk-test-conformance")
                .set("openai-base-url", chatServer.baseUrl()).set("provider", "offline").set("expansion", "gpt").start()) {
            imagesRequestsMatchTheSpec(imagesApp);
        }
    }

    private void imagesRequestsMatchTheSpec(RunningApp imagesApp) throws Exception {
        imagesApp.drop("meadow.json", "{\"prompt\": \"a meadow\", \"n\": 1, \"size\": \"wide\", \"quality\": \"low\", \"output_format\": \"jpeg\"}");
        imagesApp.awaitSidecars("meadow", 1);
        imagesApp.drop("meadow-purple.json", "{\"base_image\": \"meadow-1\", \"change\": \"make the sky purple\"}");
        imagesApp.awaitSidecars("meadow-purple", 1);

        List<RecordedRequest> sent = imagesApp.bean("offlineServer", OfflineImageServer.class).requests();
        List<RecordedRequest> generations = sent.stream().filter(r -> r.path().equals("/v1/images/generations")).toList();
        List<RecordedRequest> edits = sent.stream().filter(r -> r.path().equals("/v1/images/edits")).toList();
        assertThat(generations).isNotEmpty();
        assertThat(edits).isNotEmpty();
        for (RecordedRequest generation : generations) {
            assertThat(OpenApiSchemas.violations("CreateImageRequest", JSON.writeValueAsString(generation.fields())))
                    .as(generation.fields().toString()).isEmpty();
        }
        for (RecordedRequest edit : edits) {
            // the image parts are binary in the spec; the log keeps their count, a placeholder stands in
            Map<String, Object> fields = formValues(edit.fields());
            fields.put("image", edit.imageParts() == 1 ? "<binary>" : java.util.Collections.nCopies(edit.imageParts(), "<binary>"));
            assertThat(OpenApiSchemas.violations("CreateImageEditRequest", JSON.writeValueAsString(fields)))
                    .as(fields.toString()).isEmpty();
        }
        var chats = chatServer.requests();
        assertThat(chats).hasSizeGreaterThanOrEqualTo(2);
        assertThat(chats).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"tune\""));
        chats.forEach(chat -> assertThat(OpenApiSchemas.violations("CreateChatCompletionRequest.subset", chat.getBodyAsString()))
                .as(chat.getBodyAsString()).isEmpty());
    }

    @Test
    void responsesRequestsCarryASpecValidImageGenerationToolAndHealthSaysTheDefaultModelIsServed() throws Exception {
        try (OfflineImageServer responsesServer = OfflineImageServer.start(OfflineOptions.defaults());
             RunningApp responsesApp = new RunningApp(root).set("provider", "responses").set("openai-api-key", "sk-test-conformance")
                     .set("openai-base-url", responsesServer.baseUrl()).set("expansion", "rules").start()) {
            responsesApp.drop("kite.json", "{\"prompt\": \"a kite over the dunes\", \"n\": 1, \"size\": \"tall\", \"quality\": \"low\"}");
            responsesApp.awaitSidecars("kite", 1);

            List<RecordedRequest> calls = responsesServer.requests().stream().filter(r -> r.path().equals("/v1/responses")).toList();
            assertThat(calls).isNotEmpty();
            for (RecordedRequest call : calls) {
                assertThat(call.fields().get("model")).isInstanceOf(String.class);
                assertThat(call.fields()).containsKey("input");
                List<?> tools = (List<?>) call.fields().get("tools");
                assertThat(tools).isNotEmpty().allSatisfy(tool -> assertThat(OpenApiSchemas.violations(
                        "CreateResponse.image_generation_tool", JSON.writeValueAsString(tool))).as(tool.toString()).isEmpty());
            }

            // with a key, the provider is asked what it serves: the offline server serves today's models
            HttpCalls http = new HttpCalls(responsesApp.httpPort());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get("/observe/health").body())
                    .contains("default model gpt-image-2 is served").contains("table models it does not serve: gpt-image-1"));
            assertThat(responsesServer.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/v1/models"));
            assertThat(http.get("/observe/health").body()).doesNotContain("sk-test-conformance");
        }
    }

    /** Multipart text fields as a form decoder reads them for the schema: whole numbers and booleans typed. */
    private static Map<String, Object> formValues(Map<String, Object> fields) {
        Map<String, Object> typed = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            String text = String.valueOf(value);
            if (text.matches("-?\\d+")) {
                typed.put(name, Long.parseLong(text));
            } else if (text.equals("true") || text.equals("false")) {
                typed.put(name, Boolean.parseBoolean(text));
            } else {
                typed.put(name, value);
            }
        });
        return typed;
    }
}
