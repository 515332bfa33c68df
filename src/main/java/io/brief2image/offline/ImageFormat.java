package io.brief2image.offline;

import java.util.Locale;

/** Encodings the painter can write. */
enum ImageFormat {
    PNG("png"),
    JPEG("jpeg");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    String imageIoName() {
        return imageIoName;
    }

    /**
     * Maps OpenAI's {@code output_format}. WebP is answered with PNG bytes because the JDK has no
     * WebP writer and an offline preview only needs to be a decodable image.
     */
    static ImageFormat fromOutputFormat(String outputFormat) {
        if (outputFormat == null || outputFormat.isBlank()) {
            return PNG;
        }
        switch (outputFormat.trim().toLowerCase(Locale.ROOT)) {
            case "png":
            case "webp":
                return PNG;
            case "jpeg":
            case "jpg":
                return JPEG;
            default:
                throw ApiError.invalidValue("output_format", "Invalid value: '" + outputFormat
                        + "'. Supported values are: 'png', 'jpeg', and 'webp'.");
        }
    }
}
