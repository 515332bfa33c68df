package io.brief2image.offline;

/**
 * A GET /v1/models (the list) or GET /v1/models/{id} (one model) request.
 *
 * @param id the model asked for, or {@code null} for the list
 */
record ModelsRequest(String id) {

    static final String PATH = "/v1/models";

    static ModelsRequest parse(IncomingRequest request) {
        return new ModelsRequest(request.path().equals(PATH) ? null : request.path().substring(PATH.length() + 1));
    }

    /** A GET has no body: only what every request has. */
    static RecordedRequest logged(IncomingRequest request) {
        return request.logged();
    }
}
