package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A request body read and parsed once, shared by the request log and the endpoint's own request
 * type ({@link GenerationsRequest}, {@link EditsRequest}, ...), which reads its fields from here.
 *
 * @param json       the JSON object body, or {@code null} for multipart or unparseable bodies
 * @param form       the multipart body, or {@code null} when the request was not multipart
 * @param parseError why the body could not be parsed, or {@code null}
 */
record IncomingRequest(
        String method,
        String path,
        boolean hadBearerToken,
        ObjectNode json,
        MultipartForm form,
        String parseError) {

    /** Never throws: a body that is neither JSON nor multipart is kept with its parse error, for the log. */
    static IncomingRequest read(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
        String boundary = MultipartForm.boundaryOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        try {
            if (boundary != null) {
                return new IncomingRequest(method, path, bearer, null, MultipartForm.parse(body, boundary), null);
            }
            if (body.length == 0) {
                return new IncomingRequest(method, path, bearer, null, null, "empty body");
            }
            JsonNode json = OfflineJson.MAPPER.readTree(body);
            if (json instanceof ObjectNode object) {
                return new IncomingRequest(method, path, bearer, object, null, null);
            }
            return new IncomingRequest(method, path, bearer, null, null, "expected a JSON object");
        } catch (IOException | IllegalArgumentException e) {
            return new IncomingRequest(method, path, bearer, null, null, e.getMessage());
        }
    }

    /** The JSON body, or the 400 the client deserves when there is none. */
    ObjectNode requireJson() {
        if (json == null) {
            throw ApiError.unparseableBody(parseError == null ? "expected a JSON object" : parseError);
        }
        return json;
    }

    /** The multipart body, or the 400 the client deserves when there is none. */
    MultipartForm requireForm() {
        if (form == null) {
            throw ApiError.unparseableBody(parseError == null ? "expected multipart/form-data" : parseError);
        }
        return form;
    }

    /** The request-log entry with only what every request has. */
    RecordedRequest logged() {
        return logged(null, null, null, null, null, 0);
    }

    /** The request-log entry; the values come from the endpoint's lenient reading of the body. */
    RecordedRequest logged(String model, String prompt, Integer n, Long seed, String size, int imageParts) {
        return new RecordedRequest(method, path, model, prompt, n, seed, size, hadBearerToken, imageParts,
                RequestFields.of(this));
    }
}
