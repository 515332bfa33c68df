package io.brief2image.offline;

/** POST /v1/images/edits: multipart prompt plus base image(s). */
final class EditsEndpoint implements ApiEndpoint {

    private final PreviewSource previews;
    private final ServedModels models;

    EditsEndpoint(PreviewSource previews, ServedModels models) {
        this.previews = previews;
        this.models = models;
    }

    @Override
    public String path() {
        return "/v1/images/edits";
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        return EditsRequest.logged(request);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        EditsRequest edit = EditsRequest.parse(request, models);
        ImageOptions options = edit.options();
        return options.reply(options.previews(previews, edit.baseFingerprint()), edit.bases().size(), "image_edit");
    }
}
