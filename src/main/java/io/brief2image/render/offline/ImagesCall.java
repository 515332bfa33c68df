package io.brief2image.render.offline;

import java.util.List;

/** The validated parameters shared by /v1/images/generations and /v1/images/edits. */
record ImagesCall(String model, String prompt, int n, ImageSize size, ImageFormat format, String quality, long seed) {

    static final String DEFAULT_MODEL = "gpt-image-1";
    static final int MAX_IMAGES = 10;
    /** Parameters the GPT image models refuse although the DALL-E models accept them. */
    private static final List<String> DALL_E_ONLY = List.of("style", "response_format");

    static ImagesCall parse(RequestParams params) {
        String model = params.textOr("model", DEFAULT_MODEL);
        if (isGptImage(model)) {
            for (String parameter : DALL_E_ONLY) {
                if (params.has(parameter)) {
                    throw ApiError.unknownParameter(parameter);
                }
            }
        }
        String prompt = params.text("prompt");
        if (prompt == null || prompt.isBlank()) {
            throw ApiError.missing("prompt");
        }
        Integer n = params.integer("n");
        if (n != null && (n < 1 || n > MAX_IMAGES)) {
            throw ApiError.invalidValue("n", "Invalid value for 'n': " + n + ". Must be between 1 and "
                    + MAX_IMAGES + ".");
        }
        Long seed = params.longValue("seed");
        return new ImagesCall(
                model,
                prompt,
                n == null ? 1 : n,
                ImageSize.parse(params.text("size")),
                ImageFormat.fromOutputFormat(params.text("output_format")),
                params.textOr("quality", "auto"),
                seed == null ? PromptSeed.fromPrompt(prompt) : seed);
    }

    static boolean isGptImage(String model) {
        return model.startsWith("gpt-image");
    }

    /** DALL-E models rewrite prompts and report the rewrite; GPT image models do not. */
    String revisedPrompt() {
        return isGptImage(model) ? null : "A detailed preview of " + prompt;
    }

    /** Image k (0-based) of a batch uses seed + k, so a batch equals consecutive single requests. */
    long seedOf(int index) {
        return seed + index;
    }
}
