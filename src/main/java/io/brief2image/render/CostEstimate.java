package io.brief2image.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.brief.ModelSpec;

/**
 * Estimated USD for one provider call: from reported token usage and the model table, else the
 * per-image price for the size (the table's per_image_by_size where it has the size).
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
        java.util.Map<String, Double> perImage = price.perImageFor(size == null ? null : model.resolveSize(size));
        if (perImage == null || perImage.isEmpty()) {
            return 0;
        }
        Double each = perImage.get(quality == null ? "auto" : quality);
        if (each == null) {
            each = perImage.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
        return each * images;
    }
}
