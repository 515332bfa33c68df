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
