package io.brief2image.offline;

import java.util.ArrayList;
import java.util.List;

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
        return Describe.images(request, RequestParams.ofJson(request.json()), 0);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        ImagesCall call = ImagesCall.parse(RequestParams.ofJson(request.requireJson()), models);
        List<ImageBytes> images = new ArrayList<>();
        for (int i = 0; i < call.n(); i++) {
            images.add(previews.preview(call.prompt(), call.seedOf(i), null, call.size(), call.format()));
        }
        if (call.streamed()) {
            TokenUsage perImage = TokenUsage.estimate(call.prompt(), 0, call.size(), call.quality(), 1);
            return replies -> ImageEventStream.send(replies, "image_generation", call, images, perImage);
        }
        TokenUsage usage = TokenUsage.estimate(call.prompt(), 0, call.size(), call.quality(), call.n());
        return replies -> ImagesReply.send(replies, images, call.revisedPrompt(), usage);
    }
}
