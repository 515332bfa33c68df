package io.brief2image.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.http.MalformedReplyException;
import io.brief2image.http.ProviderHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST {base}/moderations} with {@value #MODEL}, all captions in one request. Free at OpenAI,
 * so nothing is reserved against the budget. Errors are thrown as the shared client throws them.
 */
public final class ModerationClient {

    public static final String MODEL = "omni-moderation-latest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderHttp http;
    private final String baseUrl;

    public ModerationClient(ProviderHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Per caption, in order, the ids of the categories it was flagged for; an empty list: not flagged. */
    List<Verdict> check(List<String> captions) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("model", MODEL);
        captions.forEach(body.putArray("input")::add);
        byte[] request = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return http.post(baseUrl + "/moderations", request, "application/json; charset=utf-8", (in, headers) -> verdicts(in, captions.size()));
    }

    /** Whether one caption was flagged, and for which categories (may be empty when the service names none). */
    record Verdict(boolean flagged, List<String> categories) {
    }

    private static List<Verdict> verdicts(InputStream in, int inputs) throws IOException {
        JsonNode reply;
        try {
            reply = JSON.readTree(in);
        } catch (IOException e) {
            throw new MalformedReplyException("the moderation reply is not JSON");
        }
        JsonNode results = reply == null ? null : reply.path("results");
        if (results == null || !results.isArray() || results.size() != inputs) {
            throw new MalformedReplyException("the moderation reply does not have one result per caption");
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (JsonNode result : results) {
            if (!result.path("flagged").isBoolean()) {
                throw new MalformedReplyException("a moderation result has no flagged field");
            }
            List<String> categories = new ArrayList<>();
            result.path("categories").fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean(false)) {
                    categories.add(e.getKey());
                }
            });
            verdicts.add(new Verdict(result.path("flagged").asBoolean(), List.copyOf(categories)));
        }
        return verdicts;
    }
}
