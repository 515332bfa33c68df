package io.brief2image.offline;

import java.util.Locale;

/** Pixel dimensions of a requested image. */
record ImageSize(int width, int height) {

    static final int MAX_EDGE = 4096;
    static final int MIN_EDGE = 16;
    static final ImageSize DEFAULT = new ImageSize(1024, 1024);

    ImageSize {
        if (width < MIN_EDGE || height < MIN_EDGE || width > MAX_EDGE || height > MAX_EDGE) {
            throw new IllegalArgumentException("size " + width + "x" + height + " outside "
                    + MIN_EDGE + ".." + MAX_EDGE);
        }
    }

    /** Parses OpenAI's {@code size} parameter; absent and {@code auto} mean 1024x1024. */
    static ImageSize parse(String size) {
        if (size == null || size.isBlank() || size.trim().equalsIgnoreCase("auto")) {
            return DEFAULT;
        }
        String[] sides = size.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (sides.length == 2) {
                return new ImageSize(Integer.parseInt(sides[0]), Integer.parseInt(sides[1]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the OpenAI style error below
        }
        throw ApiError.invalidValue("size", "Invalid value: '" + size
                + "'. Supported values are: '1024x1024', '1024x1536', '1536x1024', 'auto', or WxH up to "
                + MAX_EDGE + ".");
    }

    long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
