package io.brief2image.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.brief.ModelSpec;
import java.util.Map;

/**
 * Estimated USD for one provider call: {@link #of} from reported token usage and the model table,
 * else the per-image price for the size (the table's per_image_by_size where it has the size);
 * {@link #before} what the call will cost at most, for the budget to reserve before it is sent.
 */
public final class CostEstimate {

    private CostEstimate() {
    }

    public static double of(ModelSpec model, JsonNode usage, String quality, String size, int images) {
        ModelSpec.Price price = model.price();
        if (price == null) {
            return 0;
        }
        if (usage != null && usage.has("output_tokens") && price.outputPerMtok() > 0) {
            JsonNode details = usage.path("input_tokens_details");
            long input = usage.path("input_tokens").asLong();
            long imageInput = details.path("image_tokens").asLong(0);
            long textInput = details.has("text_tokens") ? details.path("text_tokens").asLong() : input - imageInput;
            return (textInput * price.textInputPerMtok() + imageInput * price.imageInputPerMtok()
                    + usage.path("output_tokens").asLong() * price.outputPerMtok()) / 1_000_000.0;
        }
        return perImage(price.perImageFor(resolved(model, size)), quality) * images;
    }

    /**
     * The reservation for a call: the per-image price of its quality (the dearest when the quality
     * is auto, not given or not in the table) for its size where the table prices that size, else the
     * default price scaled by the image's area against 1024x1024; plus its prompt and any input image
     * at the model's token rates.
     */
    public static double before(ModelSpec model, Estimates estimates, String prompt, String size, String quality,
                                int images, boolean inputImage) {
        ModelSpec.Price price = model.price();
        if (price == null) {
            return 0;
        }
        String wxh = resolved(model, size);
        boolean pricedSize = price.perImageBySize() != null && wxh != null && price.perImageBySize().containsKey(wxh);
        double area = pricedSize ? 1.0 : Math.max(1.0, (double) estimates.pixels(wxh) / estimates.images().referencePixels());
        Map<String, Double> perImage = price.perImageFor(wxh);
        // "auto" lets the provider pick the quality, and it may pick the dearest
        double each = quality == null || quality.equals("auto") ? perImage(perImage, "no such quality") : perImage(perImage, quality);
        double output = each * area * images;
        double promptTokens = prompt == null ? 0 : Math.ceil(prompt.length() / estimates.images().promptCharsPerToken());
        double input = (promptTokens * price.textInputPerMtok()
                + (inputImage ? estimates.images().inputImageTokens() * price.imageInputPerMtok() : 0)) / 1_000_000.0;
        return output + input;
    }

    /** USD of a chat completion from its reported {@code usage} (prompt_tokens, completion_tokens). */
    public static double chat(Estimates.ChatPrice price, JsonNode usage) {
        if (usage == null || usage.isMissingNode() || usage.isNull()) {
            return -1;
        }
        return (usage.path("prompt_tokens").asLong() * price.inputPerMtok()
                + usage.path("completion_tokens").asLong() * price.outputPerMtok()) / 1_000_000.0;
    }

    /** What a chat call may cost at most: its request text and the output tokens the table reserves. */
    public static double chatBefore(Estimates estimates, String model, int requestChars) {
        Estimates.ChatPrice price = estimates.chatPrice(model);
        double input = Math.ceil(requestChars / estimates.chat().promptCharsPerToken());
        return (input * price.inputPerMtok() + estimates.chat().outputTokens() * price.outputPerMtok()) / 1_000_000.0;
    }

    private static String resolved(ModelSpec model, String size) {
        return size == null ? null : model.resolveSize(size);
    }

    private static double perImage(Map<String, Double> perImage, String quality) {
        if (perImage == null || perImage.isEmpty()) {
            return 0;
        }
        Double each = perImage.get(quality == null ? "auto" : quality);
        if (each == null) {
            each = perImage.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
        return each;
    }
}
