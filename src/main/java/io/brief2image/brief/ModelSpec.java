package io.brief2image.brief;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the model table (models.yaml): what a model takes, what it costs and when it is served.
 * {@code api} is the wire format the model is served over ({@value #OPENAI_IMAGES} unless the row says
 * otherwise), and {@code apiOptions} are extra request fields that only that wire format knows (steps
 * for Stable Diffusion). {@code shutdown} is null while the provider serves the model; after it,
 * briefs naming it go to {@code replacement} (see {@link ModelLifecycle}). {@code batchDiscount} is the
 * fraction of the synchronous price a Batch API line costs (0.5 at OpenAI); null where the model's
 * server has no Batch API (DALL·E-style and Stable Diffusion WebUI servers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSpec(
        String id,
        List<String> fields,
        Map<String, String> sizes,
        @JsonProperty("accepted_sizes") List<String> acceptedSizes,
        @JsonProperty("size_rules") FlexibleSizes sizeRules,
        List<String> qualities,
        @JsonProperty("output_formats") List<String> outputFormats,
        List<String> backgrounds,
        List<String> styles,
        @JsonProperty("n_max") int nMax,
        @JsonProperty("max_prompt_chars") int maxPromptChars,
        @JsonProperty("revised_prompt") boolean revisedPrompt,
        boolean edits,
        Price price,
        String api,
        @JsonProperty("api_options") JsonNode apiOptions,
        LocalDate released,
        LocalDate shutdown,
        String replacement,
        @JsonProperty("batch_discount") Double batchDiscount) {

    public static final String OPENAI_IMAGES = "openai-images";

    public ModelSpec {
        api = api == null || api.isBlank() ? OPENAI_IMAGES : api;
        apiOptions = apiOptions == null || apiOptions.isNull() ? JsonNodeFactory.instance.objectNode() : apiOptions;
        replacement = replacement == null || replacement.isBlank() ? null : replacement;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(
            @JsonProperty("text_input_per_mtok") double textInputPerMtok,
            @JsonProperty("image_input_per_mtok") double imageInputPerMtok,
            @JsonProperty("output_per_mtok") double outputPerMtok,
            @JsonProperty("per_image") Map<String, Double> perImage,
            @JsonProperty("per_image_by_size") Map<String, Map<String, Double>> perImageBySize) {

        /** Per-image prices by quality for this size: the size's own where the table has them, else the default. */
        public Map<String, Double> perImageFor(String size) {
            return perImageBySize != null && size != null && perImageBySize.containsKey(size) ? perImageBySize.get(size) : perImage;
        }
    }

    public boolean takes(String field) {
        return fields.contains(field);
    }

    /** Shut down on or before {@code today}: the provider no longer serves it. */
    public boolean isShutDownOn(LocalDate today) {
        return shutdown != null && !today.isBefore(shutdown);
    }

    ModelSpec withId(String newId) {
        return new ModelSpec(newId, fields, sizes, acceptedSizes, sizeRules, qualities, outputFormats, backgrounds, styles,
                nMax, maxPromptChars, revisedPrompt, edits, price, api, apiOptions, released, shutdown, replacement, batchDiscount);
    }

    /** The row's server takes Batch API lines (the table says what fraction of the synchronous price they cost). */
    public boolean takesBatches() {
        return batchDiscount != null;
    }

    /** What a batch line costs against the same call made now: 1 where the server has no Batch API. */
    public double batchFactor() {
        return batchDiscount == null ? 1.0 : batchDiscount;
    }

    /** Maps square/wide/tall to this model's size, or passes an explicit WxH through. */
    public String resolveSize(String size) {
        return sizes.getOrDefault(size, size);
    }

    /** Named in this row: a shape, or one of the fixed accepted sizes. */
    public boolean listsSize(String size) {
        return sizes.containsKey(size) || acceptedSizes.contains(size);
    }

    public boolean acceptsSize(String size) {
        return sizeProblem(size).isEmpty();
    }

    /** Why this model does not take a size, as a sentence about "The size"; empty when it takes it. */
    public Optional<String> sizeProblem(String size) {
        return sizeProblem("The size", size);
    }

    /**
     * Why this model does not take a size, as a sentence about {@code subject} ("The field 'size'"):
     * each rule broken and the nearest size it takes; empty when it takes the size.
     */
    public Optional<String> sizeProblem(String subject, String size) {
        if (listsSize(size)) {
            return Optional.empty();
        }
        String choices = "square, wide, tall or one of " + String.join(", ", acceptedSizes);
        String asked = subject + " is '" + BriefValidator.abbreviate(size) + "', which ";
        if (sizeRules == null) {
            return Optional.of(asked + "is not a size model " + id + " makes: use " + choices + ".");
        }
        Optional<FlexibleSizes.Dimensions> wxh = FlexibleSizes.parse(size);
        if (wxh.isEmpty()) {
            return Optional.of(asked + "is not a size written like 1536x1024: use " + choices
                    + ", or a width and height model " + id + " makes, such as 1536x1024.");
        }
        int width = wxh.get().width();
        int height = wxh.get().height();
        List<String> broken = sizeRules.broken(width, height);
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asked + "is not a size model " + id + " makes: " + String.join("; ", broken)
                + ". Use the nearest size it makes, " + sizeRules.nearest(width, height) + ", or " + choices + ".");
    }
}
