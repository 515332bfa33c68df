package io.brief2image.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request body read and parsed once, shared by the recorder and the endpoint.
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
}
