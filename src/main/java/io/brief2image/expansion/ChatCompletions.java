package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.http.FaultClass;
import io.brief2image.http.MalformedReplyException;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.ProviderHttpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST {base}/chat/completions} with a strict JSON-schema response format, through the
 * shared provider client; whether a fault is worth another attempt is {@link FaultClass}'s call,
 * as for image calls. Assumes nothing beyond the chat completions wire format, so
 * OpenAI-compatible local servers work too.
 */
public final class ChatCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderHttp http;
    private final String baseUrl;
    private final ChatSpend spend;

    public ChatCompletions(ProviderHttp http, String baseUrl) {
        this(http, baseUrl, null);
    }

    /** @param spend reserves and settles every call against the daily budget; null: not counted */
    public ChatCompletions(ProviderHttp http, String baseUrl, ChatSpend spend) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.spend = spend;
    }

    ChatReply complete(String model, StructuredPrompt prompt, String userMessage) throws ChatFailure {
        byte[] body = requestBody(model, prompt, userMessage);
        try {
            if (spend == null) {
                return http.post(baseUrl + "/chat/completions", body, "application/json; charset=utf-8",
                        (in, headers) -> replyOf(parse(in)));
            }
            return spend.paid(model, body.length, usage -> http.post(baseUrl + "/chat/completions", body,
                    "application/json; charset=utf-8", (in, headers) -> {
                        JsonNode reply = parse(in);
                        usage.set(reply.path("usage"));
                        return replyOf(reply);
                    }));
        } catch (ProviderHttpException e) {
            String reason = "the chat server answered " + e.getMessage();
            throw new ChatFailure(reason, FaultClass.of(e).transientFault(), e.retryAfter());
        } catch (MalformedChatReply e) {
            throw ChatFailure.retryable("the chat server sent a reply that is not a chat completion: " + e.getMessage());
        } catch (IOException e) {
            throw ChatFailure.retryable("the chat server could not be reached or broke off: " + e.getMessage());
        }
    }

    static byte[] requestBody(String model, StructuredPrompt prompt, String userMessage) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.systemPrompt());
        messages.addObject().put("role", "user").put("content", userMessage);
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", prompt.schemaName());
        schema.put("strict", true);
        schema.set("schema", prompt.schema().deepCopy());
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a chat request", e);
        }
    }

    private static JsonNode parse(java.io.InputStream in) throws MalformedChatReply {
        try {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new MalformedChatReply("not JSON");
        }
    }

    private static ChatReply replyOf(JsonNode reply) throws MalformedChatReply {
        JsonNode choice = reply.path("choices").path(0);
        if (!choice.isObject()) {
            throw new MalformedChatReply("no choices");
        }
        JsonNode message = choice.path("message");
        return new ChatReply(textOrNull(message.path("content")), textOrNull(message.path("refusal")),
                textOrNull(choice.path("finish_reason")));
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** A 2xx reply that is JSON but not shaped like a chat completion. */
    private static final class MalformedChatReply extends MalformedReplyException {
        MalformedChatReply(String message) {
            super(message);
        }
    }
}
