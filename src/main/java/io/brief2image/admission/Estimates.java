package io.brief2image.admission;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brief2image.base.ResourceLocation;
import io.brief2image.brief.ModelTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * estimates.yaml: how cost and size of a request are estimated before it is paid for; the chat
 * model prices come from the model table (models.yaml, {@code chat_models}), beside the image models'.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Estimates(Images images, Chat chat, Map<String, ChatPrice> chatModels) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Images(@JsonProperty("reference_pixels") long referencePixels,
                         @JsonProperty("unknown_size_pixels") long unknownSizePixels,
                         @JsonProperty("prompt_chars_per_token") double promptCharsPerToken,
                         @JsonProperty("input_image_tokens") long inputImageTokens,
                         @JsonProperty("bytes_per_pixel") Map<String, Double> bytesPerPixel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chat(@JsonProperty("prompt_chars_per_token") double promptCharsPerToken,
                       @JsonProperty("output_tokens") long outputTokens) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatPrice(@JsonProperty("input_per_mtok") double inputPerMtok, @JsonProperty("output_per_mtok") double outputPerMtok) {
    }

    public static Estimates load(String location, String modelTableLocation) {
        return load(location, ModelTable.load(modelTableLocation), modelTableLocation);
    }

    /** The estimates at {@code location}, with the chat prices of the model table already loaded (named {@code tableName} in errors). */
    public static Estimates load(String location, ModelTable table, String tableName) {
        YAMLMapper yaml = new YAMLMapper();
        Estimates read;
        try (InputStream in = ResourceLocation.open(location)) {
            read = yaml.readValue(in, Estimates.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the estimates table " + location, e);
        }
        Map<String, ChatPrice> prices;
        try {
            prices = yaml.convertValue(table.chatModels(), new TypeReference<Map<String, ChatPrice>>() { });
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the chat model prices from " + tableName + ": " + e.getMessage(), e);
        }
        if (prices == null || prices.isEmpty()) {
            throw new IllegalStateException("the model table " + tableName + " lists no chat_models with prices");
        }
        return new Estimates(read.images(), read.chat(), Map.copyOf(prices));
    }

    /** Pixels of a WxH size; the table's assumption for "auto" or anything else. */
    public long pixels(String size) {
        if (size != null) {
            int x = size.indexOf('x');
            try {
                if (x > 0) {
                    return Long.parseLong(size.substring(0, x).trim()) * Long.parseLong(size.substring(x + 1).trim());
                }
            } catch (NumberFormatException notWxH) {
                // falls through to the assumption
            }
        }
        return images.unknownSizePixels();
    }

    /** Expected bytes of one image file of this size and format (PNG when not said). */
    public long imageBytes(String size, String format) {
        Double perPixel = images.bytesPerPixel().get(format == null ? "png" : format);
        double factor = perPixel != null ? perPixel : images.bytesPerPixel().values().stream().mapToDouble(Double::doubleValue).max().orElse(3);
        return (long) Math.ceil(pixels(size) * factor);
    }

    /** A chat model's price; one not in the table costs what the dearest listed one does. */
    public ChatPrice chatPrice(String model) {
        ChatPrice price = chatModels.get(model);
        if (price != null) {
            return price;
        }
        return chatModels.values().stream()
                .reduce(new ChatPrice(0, 0), (a, b) -> new ChatPrice(Math.max(a.inputPerMtok(), b.inputPerMtok()),
                        Math.max(a.outputPerMtok(), b.outputPerMtok())));
    }
}
