package io.brief2image.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * One HTTP request to a provider, sent through the {@code provider-http} route (camel-http). The
 * reply body is handed to {@code onSuccess} as the raw stream while the exchange is still open,
 * so large base64 payloads are decoded as they arrive instead of being cached first.
 */
public final class ProviderHttp {

    public static final String ROUTE = "direct:provider-http";
    static final String URL = "b2iUrl";
    static final String HANDLER = "b2iReplyHandler";
    static final String RESULT = "b2iReplyResult";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    @FunctionalInterface
    public interface ReplyHandler<T> {
        T handle(InputStream body, Map<String, Object> headers) throws IOException;
    }

    private final ProducerTemplate template;
    private final String apiKey;

    public ProviderHttp(ProducerTemplate template, String apiKey) {
        this.template = template;
        this.apiKey = apiKey;
    }

    @SuppressWarnings("unchecked")
    public <T> T post(String url, Object body, String contentType, ReplyHandler<T> onSuccess) throws IOException {
        Exchange exchange = new DefaultExchange(template.getCamelContext(), ExchangePattern.InOut);
        exchange.setProperty(URL, url + "?throwExceptionOnFailure=false&disableStreamCache=true&httpMethod=POST");
        exchange.setProperty(HANDLER, (ReplyHandler<Object>) (in, headers) -> {
            int status = ((Number) headers.get(Exchange.HTTP_RESPONSE_CODE)).intValue();
            if (status / 100 != 2) {
                throw errorOf(status, in, headers, apiKey);
            }
            return onSuccess.handle(in, headers);
        });
        if (contentType != null) {
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (!apiKey.isBlank()) {
            exchange.getIn().setHeader("Authorization", "Bearer " + apiKey);
        }
        exchange.getIn().setHeader("Accept", "application/json");
        exchange.getIn().setBody(body);
        template.send(ROUTE, exchange);
        Exception failure = exchange.getException();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof ProviderHttpException http) {
            throw http;
        }
        if (failure != null) {
            Throwable cause = failure.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof ProviderHttpException http) {
                throw http;
            }
            throw new IOException("provider request failed: " + failure.getMessage(), failure);
        }
        return (T) exchange.getProperty(RESULT);
    }

    private static ProviderHttpException errorOf(int status, InputStream in, Map<String, Object> headers, String apiKey) throws IOException {
        byte[] raw = in == null ? new byte[0] : in.readNBytes(MAX_ERROR_BODY);
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
