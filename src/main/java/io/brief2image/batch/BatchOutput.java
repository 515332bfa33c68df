package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.http.FaultClass;
import io.brief2image.http.MalformedReplyException;
import io.brief2image.render.ImageSink;
import io.brief2image.render.StreamingReply;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a batch's output or error file as it downloads, one line at a time: each line's base64
 * images are decoded straight into temp files by the same scanner and sink as synchronous replies
 * ({@link StreamingReply}, {@link ImageSink}), and only the small JSON around them is parsed. No
 * line and no file is held in memory, however many gigabytes the file has.
 * <p>
 * Progress (lines handled, bytes consumed) is reported after each line; a download that breaks off
 * is started again and passes over the lines already handled, so a line is handed on once.
 */
public final class BatchOutput {

    private static final Set<String> IMAGE_FIELDS = Set.of("b64_json");

    /** How far a download got: lines handed to the handler, and the bytes of the file consumed with them. */
    public record Progress(long lines, long bytes) {
        public static final Progress START = new Progress(0, 0);
    }

    /** Told about each line; the images are in temp files it now owns. A throw stops the download. */
    @FunctionalInterface
    public interface LineHandler {
        void handle(BatchLine line) throws IOException;
    }

    private final Supplier<Path> tempFiles;

    /** @param tempFiles where each image goes while it is decoded (the outbox's temp files) */
    public BatchOutput(Supplier<Path> tempFiles) {
        this.tempFiles = tempFiles;
    }

    /**
     * Downloads {@code fileId} and hands on every line after {@code from}; a broken download is
     * retried as the API's retry policy says, resuming after the last line handled.
     *
     * @param onProgress told after each line is handled (persist it to resume after a crash)
     * @return the progress at the end of the file
     */
    public Progress download(BatchApi api, String fileId, Progress from, LineHandler handler, Consumer<Progress> onProgress)
            throws BatchApiException {
        AtomicReference<Progress> at = new AtomicReference<>(from);
        return api.retry().run(() -> api.content(fileId, (in, headers) -> read(in, at.get(), handler, progress -> {
            at.set(progress);
            onProgress.accept(progress);
        })), new BatchApi.Caller("download the batch results")).value();
    }

    /** Reads a whole result file from {@code in}, passing over the lines {@code from} says were handled. */
    public Progress read(InputStream in, Progress from, LineHandler handler, Consumer<Progress> onProgress) throws IOException {
        JsonLines lines = new JsonLines(in);
        long number = 0;
        while (number < from.lines()) {
            if (!lines.skipLine()) {
                throw new IOException("the batch file has " + number + " lines, fewer than the " + from.lines() + " already read");
            }
            number++;
        }
        JsonLines.Line line;
        while ((line = lines.next()) != null) {
            number++;
            BatchLine result = parse(line, number);
            try {
                handler.handle(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the handler's own fault: not a reason to download again
            }
            onProgress.accept(new Progress(number, lines.offset()));
        }
        return new Progress(number, lines.offset());
    }

    private BatchLine parse(JsonLines.Line line, long number) throws IOException {
        StreamingReply.Parsed parsed;
        try {
            parsed = StreamingReply.read(line, IMAGE_FIELDS, tempFiles);
        } catch (MalformedReplyException e) {
            if (!line.terminated()) {
                throw new EOFException("the batch file ended in the middle of line " + number);
            }
            line.drain();
            return unreadable(number, e.getMessage());
        }
        JsonNode tree = parsed.tree();
        String customId = tree.path("custom_id").asText(null);
        if (customId == null) {
            delete(parsed.images());
            return unreadable(number, "the line has no custom_id");
        }
        JsonNode response = tree.path("response");
        int status = response.path("status_code").asInt(0);
        String requestId = response.path("request_id").asText(null);
        JsonNode body = response.path("body");
        if (status / 100 == 2) {
            List<BatchLine.Image> images = new ArrayList<>();
            for (JsonNode item : body.path("data")) {
                JsonNode mark = item.get("b64_json");
                if (mark != null && mark.asText().startsWith(StreamingReply.IMAGE_MARK)) {
                    images.add(new BatchLine.Image(parsed.image(mark), item.path("revised_prompt").asText(null)));
                }
            }
            if (images.isEmpty()) {
                return new BatchLine(customId, number, status, List.of(), body.get("usage"), requestId, "no_image",
                        "The image service answered this request without an image. It can be sent again.", true);
            }
            return new BatchLine(customId, number, status, List.copyOf(images), body.get("usage"), requestId, null, null, false);
        }
        delete(parsed.images());
        if (status != 0) {
            FaultClass fault = BatchLineErrors.ofResponse(status, body, requestId);
            String code = body.path("error").path("code").asText(null);
            return new BatchLine(customId, number, status, List.of(), null, requestId, code, fault.reason(), fault.transientFault());
        }
        JsonNode error = tree.path("error");
        String code = error.path("code").asText(null);
        return new BatchLine(customId, number, 0, List.of(), null, requestId, code,
                BatchLineErrors.ofError(code, error.path("message").asText(null)), true);
    }

    private static BatchLine unreadable(long number, String why) {
        return new BatchLine(null, number, 0, List.of(), null, null, "unreadable_line",
                "Line " + number + " of the batch results could not be read (" + why + ").", false);
    }

    private static void delete(List<ImageSink.StoredImage> images) throws IOException {
        for (ImageSink.StoredImage image : images) {
            Files.deleteIfExists(image.file());
        }
    }
}
