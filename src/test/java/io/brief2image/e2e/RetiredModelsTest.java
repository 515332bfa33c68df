package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.brief2image.base.Json;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.testing.PlainReason;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a server that serves only today's models (a stand-in that answers 404 model_not_found,
 * as OpenAI does, for every model shut down by 2026-12-01, and passes the rest to the offline
 * provider): a retired model setting and a retired brief model are rendered on the replacement,
 * the request never names a retired model, and reject mode dead-letters with the replacement named.
 */
class RetiredModelsTest {

    /** Shut down at OpenAI by 2026-12-01 (deprecations page); the stand-in's own list, not the model table. */
    static final String RETIRED = "gpt-image-1|gpt-image-1-mini|gpt-image-1\\.5|chatgpt-image-latest|dall-e-2|dall-e-3";

    @TempDir
    static Path root;
    static OfflineImageServer offline;
    static WireMockServer standIn;

    @BeforeAll
    static void start() throws java.io.IOException {
        offline = OfflineImageServer.start(OfflineOptions.defaults());
        standIn = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        standIn.start();
        standIn.stubFor(post(urlPathEqualTo("/v1/images/generations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.model", matching(RETIRED)))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "The model `gpt-image-1` does not exist or you do not have access to it.",
                         "type": "invalid_request_error", "param": null, "code": "model_not_found"}}""")));
        standIn.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(offline.sdWebUiUrl())));
    }

    /** One app at a time: apps in one JVM would share the embedded broker's in-VM name. */
    static RunningApp startApp(Path dir, String retiredModels) {
        return startApp(dir, retiredModels, "gpt-image-1");
    }

    static RunningApp startApp(Path dir, String retiredModels, String model, String... moreSettings) {
        RunningApp app = new RunningApp(dir);
        for (int i = 0; i + 1 < moreSettings.length; i += 2) {
            app.set(moreSettings[i], moreSettings[i + 1]);
        }
        return app
                .set("provider", "openai")
                .set("openai-base-url", standIn.baseUrl() + "/v1")
                .set("openai-api-key", "sk-test-retired-models")
                .set("expansion", "rules")
                .set("model", model)
                .set("retired-models", retiredModels)
                .start();
    }

    @AfterAll
    static void stop() {
        standIn.stop();
        offline.close();
    }

    @Test
    void aRetiredModelSettingRendersOnItsReplacementAndSaysSo() {
        JsonNode sidecar;
        try (RunningApp app = startApp(root.resolve("setting"), "replace")) {
            app.drop("kite.json", "{\"prompt\": \"a red kite over a beach\", \"n\": 1}");
            sidecar = app.awaitSidecars("kite", 1).get(0);
        }

        assertThat(sidecar.path("model").asText()).isEqualTo("gpt-image-2");
        assertThat(policy(sidecar)).contains("model-retired replaced: gpt-image-1 was shut down on 2026-10-23 → gpt-image-2");
        assertThat(modelsSentFor("red kite")).containsOnly("gpt-image-2").isNotEmpty();
    }

    @Test
    void aRetiredBriefModelRendersOnItsReplacementWithItsDalleFieldsCarriedOver() {
        JsonNode sidecar;
        try (RunningApp app = startApp(root.resolve("brief"), "replace")) {
            app.drop("lighthouse.json", """
                    {"prompt": "a lighthouse at dusk", "model": "dall-e-3", "size": "1792x1024", "quality": "hd",
                     "style": "vivid", "response_format": "url", "n": 1}""");
            sidecar = app.awaitSidecars("lighthouse", 1).get(0);
        }

        assertThat(sidecar.path("model").asText()).isEqualTo("gpt-image-2");
        assertThat(sidecar.path("size").asText()).isEqualTo("1536x1024");
        assertThat(sidecar.path("quality").asText()).isEqualTo("high");
        assertThat(policy(sidecar)).contains("model-retired replaced: dall-e-3 was shut down on 2026-05-12 → gpt-image-2",
                "carry-over mapped: size 1792x1024 → 1536x1024 (gpt-image-2's wide size)",
                "carry-over mapped: quality hd → high (gpt-image-2 has no hd)");
        JsonNode sent = requestsFor("lighthouse").get(0);
        assertThat(sent.path("model").asText()).isEqualTo("gpt-image-2");
        assertThat(sent.path("size").asText()).isEqualTo("1536x1024");
        assertThat(sent.path("quality").asText()).isEqualTo("high");
        assertThat(sent.has("style")).isFalse();
        assertThat(sent.has("response_format")).isFalse();
        assertThat(sent.path("prompt").asText()).contains("vivid, hyper-real style");
    }

    @Test
    void rejectModeDeadLettersARetiredModelNamingItsReplacement() {
        try (RunningApp reject = startApp(root.resolve("reject"), "reject")) {
            reject.drop("old.json", "{\"prompt\": \"a quiet harbour\", \"model\": \"gpt-image-1.5\", \"n\": 1}");
            JsonNode error = reject.awaitDeadLetter("old.json");
            assertThat(error.path("stage").asText()).isEqualTo("validation");
            assertThat(error.path("reason").asText()).isEqualTo("The field 'model' is 'gpt-image-1.5', a model that was shut down on 2026-12-01:"
                    + " name gpt-image-2 instead, or set retired-models=replace to render such briefs on it.");
            PlainReason.assertPlain(error, root);
            reject.drop("default.json", "{\"prompt\": \"a quiet harbour at noon\", \"n\": 1}");
            assertThat(reject.awaitDeadLetter("default.json").path("reason").asText())
                    .startsWith("The model setting is 'gpt-image-1', a model that was shut down on 2026-10-23: name gpt-image-2 instead");
        }
        assertThat(requestsFor("quiet harbour")).isEmpty();
    }

    @Test
    void theExampleBriefsAndTheDalle3SpreadsheetRenderWithNothingDeadLettered() throws java.io.IOException {
        java.util.Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        List.of("beach-dawn:2", "teapot:1", "lemon-still-life:1", "spring-hero:2", "verbatim-poster:1",
                "summer-hero:1", "summer-story:1", "summer-tile:1", "summer-banner:1")
                .forEach(e -> expected.put(e.split(":")[0], Integer.parseInt(e.split(":")[1])));
        // the example spreadsheet of overnight shots goes through the Batch API: uploaded a second after it is read
        expected.put("mug-shot", 1);
        expected.put("scarf-shot", 1);
        try (RunningApp app = startApp(root.resolve("today"), "replace", "gpt-image-2", "batch-max-quiet", "1")) {
            List<Path> briefs = new java.util.ArrayList<>();
            try (var files = java.nio.file.Files.list(Path.of("examples/briefs"))) {
                briefs.addAll(files.toList());
            }
            briefs.add(Path.of("examples/dalle3/summer-campaign.csv"));
            for (Path brief : briefs) {
                app.drop(brief.getFileName().toString(), java.nio.file.Files.readAllBytes(brief));
            }
            expected.forEach((id, count) -> assertThat(app.awaitSidecars(id, count))
                    .allSatisfy(sidecar -> assertThat(sidecar.path("model").asText()).isEqualTo("gpt-image-2")));
            assertThat(app.failed()).satisfiesAnyOf(dir -> assertThat(dir).doesNotExist(), dir -> assertThat(dir).isEmptyDirectory());
        }
        assertThat(modelsSentFor("")).isNotEmpty().noneMatch(model -> model.matches(RETIRED));
    }

    static List<String> policy(JsonNode sidecar) {
        return java.util.stream.StreamSupport.stream(sidecar.path("policy").spliterator(), false)
                .map(p -> p.path("rule").asText() + " " + p.path("action").asText() + ": " + p.path("detail").asText()).toList();
    }

    static List<JsonNode> requestsFor(String promptPart) {
        return standIn.findAll(postRequestedFor(urlPathEqualTo("/v1/images/generations"))).stream()
                .map(r -> {
                    try {
                        return Json.MAPPER.readTree(r.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .filter(body -> body.path("prompt").asText().contains(promptPart)).toList();
    }

    static List<String> modelsSentFor(String promptPart) {
        return requestsFor(promptPart).stream().map(body -> body.path("model").asText()).toList();
    }
}
