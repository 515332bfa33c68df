package io.brief2image.offline;

/** Builds request-log entries; lenient, because malformed requests must be recorded too. */
final class Describe {

    private Describe() {
    }

    static RecordedRequest bare(IncomingRequest request) {
        return new RecordedRequest(request.method(), request.path(), null, null, null, null, null,
                request.hadBearerToken(), 0, RequestFields.of(request));
    }

    static RecordedRequest images(IncomingRequest request, RequestParams params, int imageParts) {
        return new RecordedRequest(request.method(), request.path(), params.text("model"), params.text("prompt"),
                leniently(() -> params.integer("n")), leniently(() -> params.longValue("seed")),
                params.text("size"), request.hadBearerToken(), imageParts, RequestFields.of(request));
    }

    static <T> T leniently(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ApiError e) {
            return null;
        }
    }
}
