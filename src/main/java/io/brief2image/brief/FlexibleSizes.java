package io.brief2image.brief;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WxH sizes a model takes besides its fixed list (models.yaml {@code size_rules}), e.g. gpt-image-2:
 * both sides divisible by 16, longest side at most 3840, aspect ratio at most 3:1, 655,360 to 8,294,400 pixels.
 */
public record FlexibleSizes(
        @JsonProperty("multiple_of") int multipleOf,
        @JsonProperty("max_edge") int maxEdge,
        @JsonProperty("max_aspect") double maxAspect,
        @JsonProperty("min_pixels") long minPixels,
        @JsonProperty("max_pixels") long maxPixels) {

    private static final Pattern WXH = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    /** How far around the first guess the nearest valid size is looked for, in steps of multiple_of. */
    private static final int SEARCH_STEPS = 4;

    public record Dimensions(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    public static Optional<Dimensions> parse(String size) {
        Matcher m = WXH.matcher(size);
        return m.matches() ? Optional.of(new Dimensions(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** The rules a size breaks, each as a sentence a brief author can act on; empty when it is valid. */
    public List<String> broken(int width, int height) {
        List<String> broken = new ArrayList<>();
        if (width % multipleOf != 0 || height % multipleOf != 0) {
            broken.add("both sides must be divisible by " + multipleOf);
        }
        if (Math.max(width, height) > maxEdge) {
            broken.add("the longest side must be at most " + maxEdge);
        }
        if (Math.min(width, height) == 0 || Math.max(width, height) > maxAspect * Math.min(width, height)) {
            broken.add("the aspect ratio must be at most " + plain(maxAspect) + ":1");
        }
        long pixels = (long) width * height;
        if (pixels < minPixels || pixels > maxPixels) {
            broken.add("it must have " + grouped(minPixels) + " to " + grouped(maxPixels) + " pixels (it has " + grouped(pixels) + ")");
        }
        return broken;
    }

    public boolean allows(int width, int height) {
        return broken(width, height).isEmpty();
    }

    /**
     * The valid size closest to the one asked for: same aspect ratio as far as the rules allow, the
     * pixel count moved into range, then the nearest multiples of {@code multiple_of} around that.
     */
    public Dimensions nearest(int width, int height) {
        double aspect = Math.max(1 / maxAspect, Math.min(maxAspect, Math.max(width, 1) / (double) Math.max(height, 1)));
        double pixels = Math.max(minPixels, Math.min(maxPixels, (double) Math.max(width, 1) * Math.max(height, 1)));
        double w = Math.sqrt(pixels * aspect);
        double h = Math.sqrt(pixels / aspect);
        double shrink = Math.min(1, maxEdge / Math.max(w, h));
        w *= shrink;
        h *= shrink;
        int baseW = (int) Math.floor(w / multipleOf) * multipleOf;
        int baseH = (int) Math.floor(h / multipleOf) * multipleOf;
        Dimensions best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int i = -SEARCH_STEPS; i <= SEARCH_STEPS; i++) {
            for (int j = -SEARCH_STEPS; j <= SEARCH_STEPS; j++) {
                int cw = baseW + i * multipleOf;
                int ch = baseH + j * multipleOf;
                double distance = Math.pow(cw - w, 2) + Math.pow(ch - h, 2);
                if (cw > 0 && ch > 0 && distance < bestDistance && allows(cw, ch)) {
                    best = new Dimensions(cw, ch);
                    bestDistance = distance;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("size_rules " + this + " allow no size near " + width + "x" + height);
        }
        return best;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String grouped(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }
}
