package io.brief2image.offline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * gpt-image-2's flexible sizes (served-models.yaml): {@code auto}, or any WxH whose sides are
 * multiples of {@code multipleOf}, whose longest side is at most {@code maxEdge}, whose aspect ratio
 * is at most {@code maxAspectRatio}:1 and whose area lies in [minPixels, maxPixels].
 */
record SizeRules(@JsonProperty("multiple_of") int multipleOf, @JsonProperty("max_edge") int maxEdge,
                 @JsonProperty("max_aspect_ratio") int maxAspectRatio, @JsonProperty("min_pixels") long minPixels,
                 @JsonProperty("max_pixels") long maxPixels) {

    ImageSize parse(String size) {
        if (size == null || size.isBlank() || size.trim().equalsIgnoreCase("auto")) {
            return ImageSize.DEFAULT;
        }
        String[] sides = size.trim().toLowerCase(Locale.ROOT).split("x", -1);
        int width;
        int height;
        try {
            if (sides.length != 2) {
                throw new NumberFormatException();
            }
            width = Integer.parseInt(sides[0]);
            height = Integer.parseInt(sides[1]);
        } catch (NumberFormatException e) {
            throw invalid(size, "Use 'auto' or WIDTHxHEIGHT, e.g. '1024x1024'.");
        }
        if (width <= 0 || height <= 0 || width % multipleOf != 0 || height % multipleOf != 0) {
            throw invalid(size, "Both width and height must be positive multiples of " + multipleOf + ".");
        }
        if (Math.max(width, height) > maxEdge) {
            throw invalid(size, "The longest side must be at most " + maxEdge + " pixels.");
        }
        if (Math.max(width, height) > (long) maxAspectRatio * Math.min(width, height)) {
            throw invalid(size, "The aspect ratio must be between 1:" + maxAspectRatio + " and " + maxAspectRatio + ":1.");
        }
        long pixels = (long) width * height;
        if (pixels < minPixels || pixels > maxPixels) {
            throw invalid(size, "The image must have between " + minPixels + " and " + maxPixels
                    + " pixels; " + width + "x" + height + " has " + pixels + ".");
        }
        return new ImageSize(width, height);
    }

    private static ApiError invalid(String size, String rule) {
        return ApiError.invalidValue("size", "Invalid value for 'size': '" + size + "'. " + rule);
    }
}
