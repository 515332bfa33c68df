package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
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
        RequestParams params = RequestParams.ofJson(request.json());
        String width = params.textOr("width", String.valueOf(StableDiffusionCall.DEFAULT_EDGE));
        String height = params.textOr("height", String.valueOf(StableDiffusionCall.DEFAULT_EDGE));
        JsonNode checkpoint = request.json() == null ? null
                : request.json().path("override_settings").get("sd_model_checkpoint");
        return new RecordedRequest(request.method(), request.path(),
                checkpoint == null ? null : checkpoint.asText(), params.text("prompt"),
                Describe.leniently(() -> params.integer("batch_size")),
                Describe.leniently(() -> params.longValue("seed")),
                width + "x" + height, request.hadBearerToken(), initImages(request.json()).size(),
                RequestFields.of(request));
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        ObjectNode body = request.requireJson();
        StableDiffusionCall call = StableDiffusionCall.parse(RequestParams.ofJson(body));
        String variant = imageToImage ? fingerprintOfInitImages(body) : null;
        List<ImageBytes> images = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < call.batchSize(); i++) {
            seeds.add(call.seed() + i);
            images.add(previews.preview(call.prompt(), call.seed() + i, variant, call.size(), ImageFormat.PNG));
        }
        ObjectNode parameters = body.deepCopy();
        if (imageToImage) {
            parameters.putNull("init_images"); // WebUI does not echo the input images either
        }
        String info = info(call, seeds, RequestParams.ofJson(body).decimal("denoising_strength"));
        return replies -> send(replies, images, parameters, info);
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

    private String info(StableDiffusionCall call, List<Long> seeds, Double denoisingStrength) {
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
            info.put("denoising_strength", denoisingStrength == null ? 0.75 : denoisingStrength);
        }
        info.put("sd_model_name", "offline-preview");
        try {
            return Json.MAPPER.writeValueAsString(info);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }

    private static String fingerprintOfInitImages(ObjectNode body) {
        List<String> encoded = initImages(body);
        if (encoded.isEmpty()) {
            throw StableDiffusionCall.unprocessable("init_images", "img2img needs at least one init image");
        }
        List<byte[]> decoded = new ArrayList<>();
        for (String image : encoded) {
            String base64 = image.startsWith("data:") ? image.substring(image.indexOf(',') + 1) : image;
            try {
                decoded.add(Base64.getMimeDecoder().decode(base64));
            } catch (IllegalArgumentException e) {
                throw StableDiffusionCall.unprocessable("init_images", "init image is not valid base64");
            }
        }
        return PromptSeed.fingerprint(decoded);
    }

    private static List<String> initImages(ObjectNode body) {
        List<String> images = new ArrayList<>();
        JsonNode node = body == null ? null : body.get("init_images");
        if (node != null && node.isArray()) {
            node.forEach(image -> images.add(image.asText()));
        }
        return images;
    }
}
