package io.brief2image.batch;

/**
 * When a batch input file is closed: OpenAI takes at most 50,000 lines and 200 MB per file; the
 * pipeline's settings ({@code batch-max-lines}, {@code batch-max-bytes}) may ask for less.
 */
public record BatchLimits(int maxLines, long maxBytes) {

    public static final int OPENAI_MAX_LINES = 50_000;
    public static final long OPENAI_MAX_BYTES = 200L * 1024 * 1024;
    public static final BatchLimits OPENAI = new BatchLimits(OPENAI_MAX_LINES, OPENAI_MAX_BYTES);

    public BatchLimits {
        if (maxLines < 1 || maxLines > OPENAI_MAX_LINES) {
            throw new IllegalArgumentException("batch-max-lines must be between 1 and " + OPENAI_MAX_LINES + ", got " + maxLines);
        }
        if (maxBytes < 1024 || maxBytes > OPENAI_MAX_BYTES) {
            throw new IllegalArgumentException("batch-max-bytes must be between 1024 and " + OPENAI_MAX_BYTES + ", got " + maxBytes);
        }
    }
}
