package io.brief2image.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Asks an OpenAI-compatible provider which models it serves ({@code GET {base}/models}). Failures
 * are reported as {@link Failed} with a reason that never repeats the key: OpenAI's 401 message
 * quotes part of it, so only the status and the error code are kept.
 */
public final class ProviderModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The models call did not give a list; {@code getMessage()} is safe to log and show. */
    public static final class Failed extends Exception {
        public Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;

    public ProviderModels(String baseUrl, String apiKey, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** The ids the provider lists, in its order. */
    public Set<String> served() throws Failed {
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/models"))
                    .timeout(timeout).header("Authorization", "Bearer " + apiKey).GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new Failed("GET /models failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("GET /models was interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            String code = body == null ? "" : body.path("error").path("code").asText("");
            throw new Failed("GET /models answered HTTP " + response.statusCode() + (code.isEmpty() ? "" : " (" + code + ")"));
        }
        if (body == null || !body.path("data").isArray()) {
            throw new Failed("GET /models answered HTTP 200 without a model list");
        }
        Set<String> ids = new LinkedHashSet<>();
        body.path("data").forEach(model -> {
            if (model.hasNonNull("id")) {
                ids.add(model.get("id").asText());
            }
        });
        return ids;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
