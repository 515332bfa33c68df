package io.brief2image.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * The validated parameters shared by /v1/images/generations and /v1/images/edits, read the same
 * way whether they arrived as JSON ({@link GenerationsRequest}) or as multipart fields ({@link EditsRequest}).
 *
 * @param partialImages how many partial images to stream before each final one; -1 when not streaming
 */
record ImageOptions(String model, String prompt, int n, ImageSize size, ImageFormat format, String outputFormat,
                  String quality, String background, long seed, int partialImages) {

    static final int MAX_IMAGES = 10;
    static final int MAX_PARTIAL_IMAGES = 3;
    /** Parameters the GPT image models refuse although the DALL-E models accepted them. */
    private static final List<String> DALL_E_ONLY = List.of("style", "response_format");

    static ImageOptions read(RequestParams params, ServedModels models) {
        String model = params.textOr("model", models.defaultImageModel());
        ServedModels.Model served = models.requireImage(model, "model");
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
        String outputFormat = params.textOr("output_format", "png");
        return new ImageOptions(
                model,
                prompt,
                n == null ? 1 : n,
                models.size(served, params.text("size")),
                ImageFormat.fromOutputFormat(outputFormat),
                outputFormat,
                params.textOr("quality", "auto"),
                params.textOr("background", "auto"),
                seed == null ? PromptSeed.fromPrompt(prompt) : seed,
                partialImages(params));
    }

    /** {@code stream: true} with {@code partial_images} 0-3 (default 0); -1 when the reply is one JSON body. */
    private static int partialImages(RequestParams params) {
        String stream = params.text("stream");
        if (stream == null || stream.equalsIgnoreCase("false")) {
            return -1;
        }
        if (!stream.equalsIgnoreCase("true")) {
            throw ApiError.invalidValue("stream", "Invalid type for 'stream': expected a boolean, but got '" + stream + "'.");
        }
        Integer partials = params.integer("partial_images");
        if (partials != null && (partials < 0 || partials > MAX_PARTIAL_IMAGES)) {
            throw ApiError.invalidValue("partial_images", "Invalid value for 'partial_images': " + partials
                    + ". Must be between 0 and " + MAX_PARTIAL_IMAGES + ".");
        }
        return partials == null ? 0 : partials;
    }

    boolean streamed() {
        return partialImages >= 0;
    }

    static boolean isGptImage(String model) {
        return model.startsWith("gpt-image");
    }

    /** DALL-E models rewrote prompts and reported the rewrite; GPT image models do not. */
    String revisedPrompt() {
        return isGptImage(model) ? null : "A detailed preview of " + prompt;
    }

    /** The request-log entry of a generations or edits request, read leniently (malformed ones are logged too). */
    static RecordedRequest logged(IncomingRequest request, RequestParams params, int imageParts) {
        return request.logged(params.text("model"), params.text("prompt"), params.integerOrNull("n"),
                params.longOrNull("seed"), params.text("size"), imageParts);
    }

    /** The n previews; image k (0-based) uses seed + k, so a batch equals consecutive single requests. */
    List<ImageBytes> previews(PreviewSource previews, String variant) {
        List<ImageBytes> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(previews.preview(prompt, seed + i, variant, size, format));
        }
        return images;
    }

    /**
     * The reply: one JSON body, or with {@code stream: true} the Server-Sent Events named
     * {@code eventPrefix}.partial_image / .completed.
     */
    ApiEndpoint.PreparedReply reply(List<ImageBytes> images, int inputImages, String eventPrefix) {
        if (streamed()) {
            TokenUsage perImage = TokenUsage.estimate(prompt, inputImages, size, quality, 1);
            return replies -> ImageEventStream.send(replies, eventPrefix, this, images, perImage);
        }
        TokenUsage usage = TokenUsage.estimate(prompt, inputImages, size, quality, n);
        return replies -> ImagesReply.send(replies, images, revisedPrompt(), usage);
    }
}
