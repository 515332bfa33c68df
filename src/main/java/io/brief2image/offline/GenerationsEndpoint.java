package io.brief2image.offline;

/** POST /v1/images/generations: text to image(s). */
final class GenerationsEndpoint implements ApiEndpoint {

    private final PreviewSource previews;
    private final ServedModels models;

    GenerationsEndpoint(PreviewSource previews, ServedModels models) {
        this.previews = previews;
        this.models = models;
    }

    @Override
    public String path() {
        return "/v1/images/generations";
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        return GenerationsRequest.logged(request);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        ImageOptions options = GenerationsRequest.parse(request, models).options();
        return options.reply(options.previews(previews, null), 0, "image_generation");
    }
}
