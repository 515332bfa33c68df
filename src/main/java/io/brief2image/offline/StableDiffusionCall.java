package io.brief2image.offline;

import java.util.concurrent.ThreadLocalRandom;

/** The validated parameters of an SD WebUI txt2img/img2img call. */
record StableDiffusionCall(String prompt, String negativePrompt, long seed, ImageSize size, int batchSize,
                           int steps, double cfgScale, String samplerName) {

    static final int DEFAULT_EDGE = 512;
    private static final int MAX_BATCH = 16;

    static StableDiffusionCall parse(RequestParams params) {
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
        return new StableDiffusionCall(
                params.textOr("prompt", ""),
                params.textOr("negative_prompt", ""),
                concreteSeed(params.longValue("seed")),
                size,
                batchSize == null ? 1 : batchSize,
                steps == null ? 20 : steps,
                cfgScale == null ? 7.0 : cfgScale,
                params.textOr("sampler_name", "Euler a"));
    }

    /** WebUI treats -1 (or no seed) as "pick one" and reports the pick in info. */
    private static long concreteSeed(Long requested) {
        if (requested == null || requested < 0) {
            return ThreadLocalRandom.current().nextLong(0, 1L << 32);
        }
        return requested;
    }

    static ApiError unprocessable(String param, String message) {
        return new ApiError(422, "invalid_request_error", param, "invalid_value", message);
    }
}
