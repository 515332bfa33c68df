package io.brief2image.render.offline;

import java.util.ArrayList;
import java.util.List;

/** POST /v1/images/generations: text to image(s). */
final class GenerationsEndpoint implements ApiEndpoint {

    private final PreviewSource previews;

    GenerationsEndpoint(PreviewSource previews) {
        this.previews = previews;
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
        ImagesCall call = ImagesCall.parse(RequestParams.ofJson(request.requireJson()));
        List<ImageBytes> images = new ArrayList<>();
        for (int i = 0; i < call.n(); i++) {
            images.add(previews.preview(call.prompt(), call.seedOf(i), null, call.size(), call.format()));
        }
        TokenUsage usage = TokenUsage.estimate(call.prompt(), 0, call.size(), call.quality(), call.n());
        return replies -> ImagesReply.send(replies, images, call.revisedPrompt(), usage);
    }
}
