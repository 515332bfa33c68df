package io.brief2image.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A stand-in OpenAI chat server (WireMock, real HTTP) that answers with whatever a test scripts. */
public final class ChatStandIn implements AutoCloseable {

    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    public ChatStandIn() {
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
    }

    /** A stub for chat requests; narrow it with {@code withRequestBody} and give it a reply. */
    public static MappingBuilder chat() {
        return post(urlPathEqualTo(PATH));
    }

    public static ResponseDefinitionBuilder captions(String... captions) {
        ObjectNode content = JSON.createObjectNode();
        List.of(captions).forEach(content.putArray("captions")::add);
        return content(content.toString(), "stop");
    }

    public static ResponseDefinitionBuilder tunedPrompt(String prompt) {
        return content(JSON.createObjectNode().put("prompt", prompt).toString(), "stop");
    }

    /** A 200 chat completion whose message content is {@code content} as is (valid JSON or not). */
    public static ResponseDefinitionBuilder content(String content, String finishReason) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        message.putNull("refusal");
        return completion(message, finishReason);
    }

    public static ResponseDefinitionBuilder refusal(String why) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("refusal", why);
        message.putNull("content");
        return completion(message, "stop");
    }

    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "invalid_request_error").put("code", code).putNull("param");
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private static ResponseDefinitionBuilder completion(ObjectNode message, String finishReason) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "gpt-test");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 20).put("total_tokens", 30);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /**
     * A guard reply: {@code findings} as (caption number, name, kind) triples, e.g.
     * {@code guardFindings(1, "Zorblax", "character")}.
     */
    public static ResponseDefinitionBuilder guardFindings(Object... captionNameKind) {
        ObjectNode content = JSON.createObjectNode();
        var findings = content.putArray("findings");
        for (int i = 0; i + 2 < captionNameKind.length; i += 3) {
            findings.addObject().put("caption", (Integer) captionNameKind[i]).put("name", (String) captionNameKind[i + 1])
                    .put("kind", (String) captionNameKind[i + 2]);
        }
        return content(content.toString(), "stop");
    }

    public static final String MODERATIONS = "/v1/moderations";

    /** A stub for moderation requests. */
    public static MappingBuilder moderations() {
        return post(urlPathEqualTo(MODERATIONS));
    }

    /**
     * A moderation reply with one result per entry: the category ids it is flagged for (none: not
     * flagged), every other category of the spec false.
     */
    @SafeVarargs
    public static ResponseDefinitionBuilder moderationReply(List<String>... flaggedPerInput) {
        List<String> all = List.of("hate", "hate/threatening", "harassment", "harassment/threatening", "illicit", "illicit/violent",
                "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic");
        ObjectNode body = JSON.createObjectNode().put("id", "modr-test").put("model", "omni-moderation-latest");
        var results = body.putArray("results");
        for (List<String> flagged : flaggedPerInput) {
            ObjectNode result = results.addObject().put("flagged", !flagged.isEmpty());
            ObjectNode categories = result.putObject("categories");
            ObjectNode scores = result.putObject("category_scores");
            ObjectNode types = result.putObject("category_applied_input_types");
            for (String category : all) {
                categories.put(category, flagged.contains(category));
                scores.put(category, flagged.contains(category) ? 0.9 : 0.001);
                types.putArray(category).add("text");
            }
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    public List<LoggedRequest> moderationRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(MODERATIONS)));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(PATH)));
    }

    public static JsonNode bodyOf(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user message of a chat request, parsed (the pipeline sends it as a JSON object). */
    public static JsonNode userMessageOf(LoggedRequest request) {
        try {
            return JSON.readTree(bodyOf(request).path("messages").path(1).path("content").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
