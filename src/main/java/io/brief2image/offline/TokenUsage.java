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
        return new TokenUsage(wordCount(prompt), inputImages * 272, imageCount * ServedModels.BUNDLED.outputTokens(size, quality));
    }

    /** Roughly words, like a tokenizer would count for plain English. */
    static int wordCount(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return 0;
        }
        return prompt.trim().split("\\s+").length;
    }
}
