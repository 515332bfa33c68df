package io.brief2image.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in for Stable Diffusion WebUI's /sdapi/v1/txt2img and /sdapi/v1/img2img. Like WebUI, the
 * seed actually used is reported inside {@code info}, a string that itself holds JSON.
 */
final class StableDiffusionEndpoint implements ApiEndpoint {

    private final PreviewSource previews;
    private final boolean imageToImage;

    private StableDiffusionEndpoint(PreviewSource previews, boolean imageToImage) {
        this.previews = previews;
        this.imageToImage = imageToImage;
    }

    static StableDiffusionEndpoint txt2img(PreviewSource previews) {
        return new StableDiffusionEndpoint(previews, false);
    }

    static StableDiffusionEndpoint img2img(PreviewSource previews) {
        return new StableDiffusionEndpoint(previews, true);
    }

    @Override
    public String path() {
        return imageToImage ? "/sdapi/v1/img2img" : "/sdapi/v1/txt2img";
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        return StableDiffusionRequest.logged(request);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        StableDiffusionRequest call = StableDiffusionRequest.parse(request, imageToImage);
        List<ImageBytes> images = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < call.batchSize(); i++) {
            seeds.add(call.seed() + i);
            images.add(previews.preview(call.prompt(), call.seed() + i, call.initFingerprint(), call.size(),
                    ImageFormat.PNG));
        }
        String info = info(call, seeds);
        return replies -> send(replies, images, call.parameters(), info);
    }

    private static void send(Replies replies, List<ImageBytes> images, ObjectNode parameters, String info)
            throws IOException {
        JsonReplyStream json = replies.stream();
        json.raw("{\"images\":[");
        for (int i = 0; i < images.size(); i++) {
            json.raw(i == 0 ? "" : ",").base64(images.get(i));
        }
        json.raw("],\"parameters\":").value(parameters).raw(",\"info\":").value(info).raw("}").finish();
    }

    private String info(StableDiffusionRequest call, List<Long> seeds) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("prompt", call.prompt());
        info.put("all_prompts", java.util.Collections.nCopies(seeds.size(), call.prompt()));
        info.put("negative_prompt", call.negativePrompt());
        info.put("seed", call.seed());
        info.put("all_seeds", seeds);
        info.put("subseed", -1);
        info.put("width", call.size().width());
        info.put("height", call.size().height());
        info.put("sampler_name", call.samplerName());
        info.put("cfg_scale", call.cfgScale());
        info.put("steps", call.steps());
        info.put("batch_size", call.batchSize());
        if (imageToImage) {
            info.put("denoising_strength", call.denoisingStrength() == null ? 0.75 : call.denoisingStrength());
        }
        info.put("sd_model_name", "offline-preview");
        try {
            return OfflineJson.MAPPER.writeValueAsString(info);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
