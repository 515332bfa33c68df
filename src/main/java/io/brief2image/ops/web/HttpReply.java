package io.brief2image.ops.web;

import io.brief2image.base.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes an HTTP response onto a platform-http exchange. The request's headers are dropped first:
 * platform-http copies message headers into the response, and the request's Authorization header
 * must never be echoed back.
 */
final class HttpReply {

    private HttpReply() {
    }

    static void json(Exchange exchange, int status, Object value) {
        try {
            body(exchange, status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Exchange exchange, int status, String message) {
        json(exchange, status, new ErrorBody(message));
    }

    static void body(Exchange exchange, int status, String contentType, Object body) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Cache-Control", "no-store");
        message.setBody(body);
    }

    record ErrorBody(String error) {
    }
}
