package io.brief2image.offline;

import java.util.ArrayList;
import java.util.List;

/** POST /v1/images/edits: multipart prompt plus base image(s). */
final class EditsEndpoint implements ApiEndpoint {

    private static final String[] IMAGE_FIELDS = {"image[]", "image"};

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
        int imageParts = request.form() == null ? 0 : request.form().filesNamed(IMAGE_FIELDS).size();
        return Describe.images(request, RequestParams.ofForm(request.form()), imageParts);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        MultipartForm form = request.requireForm();
        ImagesCall call = ImagesCall.parse(RequestParams.ofForm(form), models);
        List<MultipartForm.Part> bases = form.filesNamed(IMAGE_FIELDS);
        if (bases.isEmpty()) {
            throw ApiError.missing("image");
        }
        String baseFingerprint = PromptSeed.fingerprint(bases.stream().map(MultipartForm.Part::content).toList());
        List<ImageBytes> images = new ArrayList<>();
        for (int i = 0; i < call.n(); i++) {
            images.add(previews.preview(call.prompt(), call.seedOf(i), baseFingerprint, call.size(), call.format()));
        }
        if (call.streamed()) {
            TokenUsage perImage = TokenUsage.estimate(call.prompt(), bases.size(), call.size(), call.quality(), 1);
            return replies -> ImageEventStream.send(replies, "image_edit", call, images, perImage);
        }
        TokenUsage usage = TokenUsage.estimate(call.prompt(), bases.size(), call.size(), call.quality(), call.n());
        return replies -> ImagesReply.send(replies, images, call.revisedPrompt(), usage);
    }
}
