package io.brief2image.offline;

/** A POST /v1/images/generations request: a JSON body of {@link ImageOptions}. */
record GenerationsRequest(ImageOptions options) {

    static GenerationsRequest parse(IncomingRequest request, ServedModels models) {
        return new GenerationsRequest(ImageOptions.read(RequestParams.ofJson(request.requireJson()), models));
    }

    static RecordedRequest logged(IncomingRequest request) {
        return ImageOptions.logged(request, RequestParams.ofJson(request.json()), 0);
    }
}
