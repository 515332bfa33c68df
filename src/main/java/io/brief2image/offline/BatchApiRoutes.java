package io.brief2image.offline;

import java.io.OutputStream;
import java.util.List;

/**
 * The Files and Batches API of the offline provider: {@code POST /v1/files} (multipart, purpose
 * {@code batch}), {@code GET /v1/files/{id}}, {@code GET /v1/files/{id}/content} (chunked, produced
 * as it is sent), {@code POST} and {@code GET /v1/batches}, {@code GET /v1/batches/{id}} and
 * {@code POST /v1/batches/{id}/cancel}.
 */
final class BatchApiRoutes {

    private BatchApiRoutes() {
    }

    static List<ApiEndpoint> of(OfflineFiles files, OfflineBatches batches, long downloadBytesPerSecond) {
        return List.of(
                new Route("POST", "/v1/files", request -> upload(files, request)),
                new Route("GET", "/v1/files/{id}", request -> {
                    StoredFile file = files.require(Route.idIn(request.path()));
                    return replies -> replies.json(200, file.toJson());
                }),
                new Route("GET", "/v1/files/{id}/content", request -> {
                    StoredFile file = files.require(Route.idIn(request.path()));
                    return replies -> {
                        OutputStream out = ThrottledOutputStream.of(replies.startChunked(200, "application/octet-stream"), downloadBytesPerSecond);
                        file.content().writeTo(out);
                        out.flush();
                    };
                }),
                new Route("POST", "/v1/batches", request -> {
                    var batch = batches.create(request.requireJson());
                    return replies -> replies.json(200, batch);
                }),
                new Route("GET", "/v1/batches", request -> {
                    var list = batches.list();
                    return replies -> replies.json(200, list);
                }),
                new Route("GET", "/v1/batches/{id}", request -> {
                    var batch = batches.get(Route.idIn(request.path()));
                    return replies -> replies.json(200, batch);
                }),
                new Route("POST", "/v1/batches/{id}/cancel", request -> {
                    var batch = batches.cancel(Route.idIn(request.path()));
                    return replies -> replies.json(200, batch);
                }));
    }

    private static ApiEndpoint.PreparedReply upload(OfflineFiles files, IncomingRequest request) {
        MultipartForm form = request.requireForm();
        String purpose = form.fields().get("purpose");
        if (purpose == null || purpose.isBlank()) {
            throw ApiError.missing("purpose");
        }
        if (!"batch".equals(purpose)) {
            throw ApiError.invalidValue("purpose", "The offline provider takes only files with purpose 'batch', not '" + purpose + "'.");
        }
        List<MultipartForm.Part> parts = form.filesNamed("file");
        if (parts.isEmpty()) {
            throw ApiError.missing("file");
        }
        MultipartForm.Part part = parts.get(0);
        List<BatchInputLine> lines = BatchInputLine.parseAll(part.content());
        StoredFile file = files.addBatchInput(part.filename() == null ? "batch.jsonl" : part.filename(), part.content(), lines);
        return replies -> replies.json(200, file.toJson());
    }
}
