package io.brief2image.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The one HTTP client for provider calls, image and chat alike. It uses the HttpClient of Camel's
 * http/https component, so the component's settings hold for every call: timeouts, connection
 * pool, and the interceptor that tells the provider gate when a request goes out (app.Beans). The
 * reply body is handed to {@code onSuccess} as the raw stream while the response is open, so large
 * base64 payloads are decoded as they arrive instead of being held in memory first. There is no
 * route in between: this is plumbing, not a step users edit, so it lives beside the client.
 */
public final class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    @FunctionalInterface
    public interface ReplyHandler<T> {
        /** @param headers the reply's headers, names case-insensitive */
        T handle(InputStream body, Map<String, Object> headers) throws IOException;
    }

    private final CamelContext context;
    private final String apiKey;

    /** @param apiKey sent as a bearer token; blank: no Authorization header (servers that must not see the key) */
    public ProviderHttp(CamelContext context, String apiKey) {
        this.context = context;
        this.apiKey = apiKey;
    }

    /**
     * POSTs {@code body} (a String or byte[] of {@code contentType}, or a ready HttpEntity such as a
     * multipart form) and hands a 2xx reply to {@code onSuccess}; any other status is thrown as a
     * {@link ProviderHttpException} with OpenAI's error fields. Connection faults are thrown as they
     * come (IOException); {@link FaultClass} tells which are worth another attempt.
     */
    public <T> T post(String url, Object body, String contentType, ReplyHandler<T> onSuccess) throws IOException {
        HttpPost request = new HttpPost(URI.create(url));
        request.setEntity(entity(body, contentType));
        return execute(request, onSuccess);
    }

    /** GETs {@code url} (the Batch and Files API); replies as {@link #post}. */
    public <T> T get(String url, ReplyHandler<T> onSuccess) throws IOException {
        return execute(new HttpGet(URI.create(url)), onSuccess);
    }

    private <T> T execute(HttpUriRequestBase request, ReplyHandler<T> onSuccess) throws IOException {
        if (!apiKey.isBlank()) {
            request.setHeader("Authorization", "Bearer " + apiKey);
        }
        request.setHeader("Accept", "application/json");
        return client(request.getScheme()).execute(request, response -> {
            Map<String, Object> headers = headersOf(response);
            HttpEntity reply = response.getEntity();
            try (InputStream in = reply == null ? InputStream.nullInputStream() : reply.getContent()) {
                if (response.getCode() / 100 != 2) {
                    throw errorOf(response.getCode(), in, headers, apiKey);
                }
                return onSuccess.handle(in, headers);
            }
        });
    }

    /** The component's client, made at the first call, when every setting of the component is in place. */
    private HttpClient client(String scheme) {
        String component = "https".equalsIgnoreCase(scheme) ? "https" : "http";
        return context.getEndpoint(component + "://provider", HttpEndpoint.class).getHttpClient();
    }

    private static HttpEntity entity(Object body, String contentType) {
        if (body instanceof HttpEntity entity) {
            return entity;
        }
        ContentType type = contentType == null ? ContentType.APPLICATION_OCTET_STREAM : ContentType.parse(contentType);
        if (body instanceof byte[] bytes) {
            return new ByteArrayEntity(bytes, type);
        }
        if (body instanceof String text) {
            return new ByteArrayEntity(text.getBytes(StandardCharsets.UTF_8), type);
        }
        throw new IllegalArgumentException("cannot send a " + (body == null ? "null" : body.getClass().getSimpleName()) + " body");
    }

    private static Map<String, Object> headersOf(ClassicHttpResponse response) {
        Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        return headers;
    }

    private static ProviderHttpException errorOf(int status, InputStream in, Map<String, Object> headers, String apiKey) throws IOException {
        byte[] raw = in.readNBytes(MAX_ERROR_BODY);
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!apiKey.isBlank()) {
            // a server that echoes the key back must not make it reach a dead letter or a log
            text = text.replace(apiKey, "[redacted]");
        }
        String code = null;
        String message = text.isBlank() ? "HTTP " + status : text.strip();
        String param = null;
        try {
            JsonNode error = JSON.readTree(text).path("error");
            if (error.isObject()) {
                code = error.path("code").isTextual() ? error.path("code").asText() : error.path("type").asText(null);
                message = error.path("message").asText(message);
                param = error.path("param").isTextual() ? error.path("param").asText() : null;
            }
        } catch (IOException notJson) {
            // keep the raw text as the message
        }
        return new ProviderHttpException(status, code, message, param, retryAfter(headers.get("Retry-After")),
                header(headers, "x-request-id"));
    }

    public static String header(Map<String, Object> headers, String name) {
        for (Map.Entry<String, Object> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                return entry.getValue().toString();
            }
        }
        return null;
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(text) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }
}
