package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.render.ImageSink;
import java.util.List;

/**
 * One line of a batch's output or error file, as the pipeline needs it: which request it answers
 * ({@code customId}), where it was in the file ({@code line}, 1-based), and either the images, already
 * in their temp files (the handler owns them: publish or delete), or the line's error in plain words.
 *
 * @param statusCode   the line's HTTP status; 0 when the request never ran (the line has only an {@code error})
 * @param errorCode    the provider's code (e.g. {@code moderation_blocked}, {@code batch_expired}); null on success
 * @param error        a sentence a marketing person understands; null on success
 * @param retryable    the request may work when sent again (a transient fault, or a batch that ended before it ran)
 */
public record BatchLine(String customId, long line, int statusCode, List<Image> images, JsonNode usage, String requestId,
                        String errorCode, String error, boolean retryable) {

    /** An image of a successful line, and the prompt revision the provider reported for it (or null). */
    public record Image(ImageSink.StoredImage stored, String revisedPrompt) {
    }

    public boolean succeeded() {
        return error == null;
    }

    /** The request never ran: its batch expired, failed or was cancelled first. */
    public boolean unfinished() {
        return statusCode == 0 && BatchLineErrors.UNFINISHED.contains(errorCode);
    }
}
