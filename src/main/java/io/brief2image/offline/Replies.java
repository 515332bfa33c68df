package io.brief2image.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Sends the kinds of responses the offline server produces, all tagged with an x-request-id. */
final class Replies {

    private static final SecureRandom IDS = new SecureRandom();
    private static final int STREAM_BUFFER = 64 * 1024;

    private final HttpExchange exchange;

    Replies(HttpExchange exchange) {
        this.exchange = exchange;
        exchange.getResponseHeaders().set("x-request-id", randomId("req_"));
    }

    static String randomId(String prefix) {
        byte[] bytes = new byte[12];
        IDS.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json", OfflineJson.MAPPER.writeValueAsBytes(body));
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    void error(ApiError error) throws IOException {
        error(error.status(), error.type(), error.param(), error.code(), error.getMessage(), null);
    }

    void error(int status, String type, String param, String code, String message) throws IOException {
        error(status, type, param, code, message, null);
    }

    void error(int status, String type, String param, String code, String message, String retryAfter)
            throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        ObjectNode body = OfflineJson.MAPPER.createObjectNode();
        ObjectNode details = body.putObject("error");
        details.put("message", message);
        details.put("type", type);
        details.put("param", param);
        details.put("code", code);
        json(status, body);
    }

    /** Starts a 200 chunked JSON reply; the caller must finish() it. */
    JsonReplyStream stream() throws IOException {
        return new JsonReplyStream(startChunked(200));
    }

    /** Starts a 200 Server-Sent Events reply; the caller writes whole events and must finish() it. */
    JsonReplyStream eventStream() throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        return new JsonReplyStream(startChunked(200, "text/event-stream"));
    }

    OutputStream startChunked(int status) throws IOException {
        return startChunked(status, "application/json");
    }

    OutputStream startChunked(int status, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        return new BufferedOutputStream(exchange.getResponseBody(), STREAM_BUFFER);
    }
}
