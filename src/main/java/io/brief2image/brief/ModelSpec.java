package io.brief2image.brief;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/**
 * One row of the model table (models.yaml): what a model takes and what it costs. {@code api} is the
 * wire format the model is served over ({@value #OPENAI_IMAGES} unless the row says otherwise), and
 * {@code apiOptions} are extra request fields that only that wire format knows (steps for Stable Diffusion).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSpec(
        String id,
        List<String> fields,
        Map<String, String> sizes,
        @JsonProperty("accepted_sizes") List<String> acceptedSizes,
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
        @JsonProperty("api_options") JsonNode apiOptions) {

    public static final String OPENAI_IMAGES = "openai-images";

    public ModelSpec {
        api = api == null || api.isBlank() ? OPENAI_IMAGES : api;
        apiOptions = apiOptions == null || apiOptions.isNull() ? JsonNodeFactory.instance.objectNode() : apiOptions;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(
            @JsonProperty("text_input_per_mtok") double textInputPerMtok,
            @JsonProperty("image_input_per_mtok") double imageInputPerMtok,
            @JsonProperty("output_per_mtok") double outputPerMtok,
            @JsonProperty("per_image") Map<String, Double> perImage) {
    }

    public boolean takes(String field) {
        return fields.contains(field);
    }

    ModelSpec withId(String newId) {
        return new ModelSpec(newId, fields, sizes, acceptedSizes, qualities, outputFormats, backgrounds, styles,
                nMax, maxPromptChars, revisedPrompt, edits, price, api, apiOptions);
    }

    /** Maps square/wide/tall to this model's size, or passes an explicit WxH through. */
    public String resolveSize(String size) {
        return sizes.getOrDefault(size, size);
    }

    public boolean acceptsSize(String size) {
        return sizes.containsKey(size) || acceptedSizes.contains(size);
    }
}
