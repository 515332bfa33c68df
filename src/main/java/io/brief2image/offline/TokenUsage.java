package io.brief2image.offline;

import java.util.Locale;

/** Token accounting in the shape OpenAI reports it; the numbers are plausible, not billed. */
record TokenUsage(int textTokens, int imageTokens, int outputTokens) {

    int inputTokens() {
        return textTokens + imageTokens;
    }

    int totalTokens() {
        return inputTokens() + outputTokens;
    }

    static TokenUsage estimate(String prompt, int inputImages, ImageSize size, String quality, int imageCount) {
        return new TokenUsage(wordCount(prompt), inputImages * 272, imageCount * outputTokensPerImage(size, quality));
    }

    /** Roughly words, like a tokenizer would count for plain English. */
    static int wordCount(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return 0;
        }
        return prompt.trim().split("\\s+").length;
    }

    /** gpt-image-1's published square figures, scaled by area for other sizes. */
    static int outputTokensPerImage(ImageSize size, String quality) {
        int square = switch (quality == null ? "auto" : quality.toLowerCase(Locale.ROOT)) {
            case "low" -> 272;
            case "high", "hd" -> 4160;
            default -> 1056;
        };
        return (int) Math.round(square * (size.pixels() / (1024.0 * 1024.0)));
    }
}
