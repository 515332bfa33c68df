package io.brief2image.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static io.brief2image.testing.ChatStandIn.captions;
import static io.brief2image.testing.ChatStandIn.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.brief2image.testing.ChatStandIn;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 5: the seed's representation rule is a policy option. With {@code seed} the chat
 * model is given the rule in its system prompt and the sidecar records it; with {@code off} neither.
 */
class RepresentationTest {

    static ChatStandIn chatServer;

    @BeforeAll
    static void start() {
        chatServer = new ChatStandIn();
        chatServer.server().stubFor(chat().withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("captions")))
                .willReturn(captions("Photo of a nurse checking a chart in a bright ward, soft daylight")));
    }

    @AfterAll
    static void stop() {
        chatServer.close();
    }

    private static RunningApp app(Path dir, String representation) {
        RunningApp app = new RunningApp(dir).set("openai-api-key", "sk-test-representation").set("openai-base-url", chatServer.baseUrl())
                .set("provider", "offline");
        // null: the packaged default
        return (representation == null ? app : app.set("representation", representation)).start();
    }

    @Test
    void byDefaultTheChatModelIsGivenTheSeedRuleAndTheSidecarRecordsIt(@TempDir Path dir) {
        try (RunningApp app = app(dir, null)) {
            app.drop("nurse.json", "{\"prompt\": \"a nurse at work\", \"n\": 1}");
            JsonNode sidecar = app.awaitSidecars("nurse", 1).get(0);

            String system = systemPromptOf("a nurse at work");
            assertThat(system).contains("state their descent and gender", "\"various\" or \"diverse\" only for groups of more than 3",
                    "Leave memes, fictional characters and people who are not seen");
            assertThat(sidecar.path("policy").toString()).contains("\"rule\":\"representation\"", "\"action\":\"instructed\"");
        }
    }

    @Test
    void offSendsNoInstructionAndRecordsNothing(@TempDir Path dir) {
        try (RunningApp app = app(dir, "off")) {
            app.drop("doctor.json", "{\"prompt\": \"a doctor at work\", \"n\": 1}");
            JsonNode sidecar = app.awaitSidecars("doctor", 1).get(0);

            assertThat(systemPromptOf("a doctor at work")).doesNotContain("descent");
            assertThat(sidecar.path("policy").findValuesAsText("rule")).doesNotContain("representation");
        }
    }

    @Test
    void rulesCaptionsAreNotClaimedToFollowIt(@TempDir Path dir) {
        try (RunningApp app = new RunningApp(dir).set("representation", "seed").start()) {
            app.drop("baker.json", "{\"prompt\": \"a baker at work\", \"n\": 1}");
            JsonNode sidecar = app.awaitSidecars("baker", 1).get(0);
            assertThat(sidecar.path("expansion").path("mode").asText()).isEqualTo("rules");
            assertThat(sidecar.path("policy").findValuesAsText("rule")).doesNotContain("representation");
        }
    }

    private static String systemPromptOf(String prompt) {
        LoggedRequest call = chatServer.requests().stream().filter(r -> r.getBodyAsString().contains(prompt)).findFirst().orElseThrow();
        return ChatStandIn.bodyOf(call).path("messages").path(0).path("content").asText();
    }
}
