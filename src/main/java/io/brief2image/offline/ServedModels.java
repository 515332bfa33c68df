package io.brief2image.offline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The models the offline provider serves and the ones it refuses as shut down, read from its own
 * served-models.yaml: it stands in for OpenAI, so it must not learn them from the client's table.
 */
final class ServedModels {

    static final String RESOURCE = "served-models.yaml";

    /** One served model; {@code kind} is "image" or "chat". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Model(String kind, long created, @JsonProperty("owned_by") String ownedBy,
                 @JsonProperty("flexible_sizes") boolean flexibleSizes) {

        boolean isImage() {
            return "image".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Table(@JsonProperty("default_image_model") String defaultImageModel,
                         @JsonProperty("default_responses_model") String defaultResponsesModel,
                         Map<String, Model> served, List<String> retired,
                         @JsonProperty("size_rules") SizeRules sizeRules,
                         @JsonProperty("output_tokens") Map<String, Map<String, Integer>> outputTokens) {
    }

    private final Table table;

    private ServedModels(Table table) {
        this.table = table;
    }

    /** The bundled table, read once: the server and its token accounting share it. */
    static final ServedModels BUNDLED = read();

    private static ServedModels read() {
        try (InputStream in = ServedModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("offline provider resource " + RESOURCE + " is missing");
            }
            return new ServedModels(new YAMLMapper().readValue(in, Table.class));
        } catch (IOException e) {
            throw new UncheckedIOException("offline provider resource " + RESOURCE + " is unreadable", e);
        }
    }

    /** Output tokens of one image of this size and quality ("auto", "hd" or none: medium; "standard": medium). */
    int outputTokens(ImageSize size, String quality) {
        String level = quality == null ? "medium" : quality.toLowerCase(java.util.Locale.ROOT);
        level = switch (level) {
            case "low", "high" -> level;
            case "hd" -> "high";
            default -> "medium";
        };
        Map<String, Integer> exact = table.outputTokens().get(size.toString());
        if (exact != null) {
            return exact.get(level);
        }
        return (int) Math.round(table.outputTokens().get("1024x1024").get(level) * (size.pixels() / (1024.0 * 1024.0)));
    }

    /** In the order of the file, as /v1/models lists them. */
    Map<String, Model> served() {
        return table.served();
    }

    String defaultImageModel() {
        return table.defaultImageModel();
    }

    String defaultResponsesModel() {
        return table.defaultResponsesModel();
    }

    boolean isRetired(String id) {
        return table.retired().contains(id);
    }

    /** The served model, or the 404 OpenAI gives for a model that is shut down or never existed. */
    Model require(String id) {
        Model model = table.served().get(id);
        if (model == null) {
            throw notFound(id);
        }
        return model;
    }

    /** A served image model, for the images endpoints and the image_generation tool. */
    Model requireImage(String id, String param) {
        Model model = require(id);
        if (!model.isImage()) {
            throw ApiError.invalidValue(param, "Invalid value: '" + id + "'. " + id
                    + " is not an image model; use one of " + imageIds() + ".");
        }
        return model;
    }

    /** The size a served image model takes: its flexible rules, or the fixed sizes of older models. */
    ImageSize size(Model model, String size) {
        return model.flexibleSizes() ? table.sizeRules().parse(size) : ImageSize.parse(size);
    }

    private List<String> imageIds() {
        return table.served().entrySet().stream().filter(e -> e.getValue().isImage()).map(Map.Entry::getKey).toList();
    }

    static ApiError notFound(String id) {
        return new ApiError(404, "invalid_request_error", null, "model_not_found",
                "The model `" + id + "` does not exist or you do not have access to it.");
    }
}
