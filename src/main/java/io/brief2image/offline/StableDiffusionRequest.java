package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A POST /sdapi/v1/txt2img or /sdapi/v1/img2img request (SD WebUI's JSON body).
 *
 * @param initFingerprint  tells img2img's init images apart; {@code null} for txt2img
 * @param parameters       the body as WebUI echoes it back: as sent, init images left out
 */
record StableDiffusionRequest(String prompt, String negativePrompt, long seed, ImageSize size, int batchSize,
                              int steps, double cfgScale, String samplerName, Double denoisingStrength,
                              String initFingerprint, ObjectNode parameters) {

    static final int DEFAULT_EDGE = 512;
    private static final int MAX_BATCH = 16;

    static StableDiffusionRequest parse(IncomingRequest request, boolean imageToImage) {
        ObjectNode body = request.requireJson();
        RequestParams params = RequestParams.ofJson(body);
        Integer width = params.integer("width");
        Integer height = params.integer("height");
        ImageSize size;
        try {
            size = new ImageSize(width == null ? DEFAULT_EDGE : width, height == null ? DEFAULT_EDGE : height);
        } catch (IllegalArgumentException e) {
            throw unprocessable("width", e.getMessage());
        }
        Integer batchSize = params.integer("batch_size");
        if (batchSize != null && (batchSize < 1 || batchSize > MAX_BATCH)) {
            throw unprocessable("batch_size", "batch_size must be between 1 and " + MAX_BATCH);
        }
        Integer steps = params.integer("steps");
        Double cfgScale = params.decimal("cfg_scale");
        String prompt = params.textOr("prompt", "");
        String negativePrompt = params.textOr("negative_prompt", "");
        long seed = concreteSeed(params.longValue("seed"));
        String samplerName = params.textOr("sampler_name", "Euler a");
        String initFingerprint = imageToImage ? fingerprintOfInitImages(body) : null;
        ObjectNode parameters = body.deepCopy();
        if (imageToImage) {
            parameters.putNull("init_images"); // WebUI does not echo the input images either
        }
        return new StableDiffusionRequest(prompt, negativePrompt, seed, size, batchSize == null ? 1 : batchSize,
                steps == null ? 20 : steps, cfgScale == null ? 7.0 : cfgScale, samplerName,
                params.decimal("denoising_strength"), initFingerprint, parameters);
    }

    static RecordedRequest logged(IncomingRequest request) {
        RequestParams params = RequestParams.ofJson(request.json());
        String width = params.textOr("width", String.valueOf(DEFAULT_EDGE));
        String height = params.textOr("height", String.valueOf(DEFAULT_EDGE));
        JsonNode checkpoint = request.json() == null ? null
                : request.json().path("override_settings").get("sd_model_checkpoint");
        return request.logged(checkpoint == null ? null : checkpoint.asText(), params.text("prompt"),
                params.integerOrNull("batch_size"), params.longOrNull("seed"), width + "x" + height,
                initImages(request.json()).size());
    }

    /** WebUI treats -1 (or no seed) as "pick one" and reports the pick in info. */
    private static long concreteSeed(Long requested) {
        if (requested == null || requested < 0) {
            return ThreadLocalRandom.current().nextLong(0, 1L << 32);
        }
        return requested;
    }

    private static String fingerprintOfInitImages(ObjectNode body) {
        List<String> encoded = initImages(body);
        if (encoded.isEmpty()) {
            throw unprocessable("init_images", "img2img needs at least one init image");
        }
        List<byte[]> decoded = new ArrayList<>();
        for (String image : encoded) {
            String base64 = image.startsWith("data:") ? image.substring(image.indexOf(',') + 1) : image;
            try {
                decoded.add(Base64.getMimeDecoder().decode(base64));
            } catch (IllegalArgumentException e) {
                throw unprocessable("init_images", "init image is not valid base64");
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

    /** WebUI's FastAPI answers invalid values with 422, not OpenAI's 400. */
    private static ApiError unprocessable(String param, String message) {
        return new ApiError(422, "invalid_request_error", param, "invalid_value", message);
    }
}
