package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a batch makes of one input line, decided when the batch is created so that downloading its
 * output twice gives the same bytes: the images to render ({@code options}), or the error the
 * synchronous endpoint would have answered (or a queued {@link Fault#batchLine} fault).
 *
 * @param variant     what tells edits of different base images apart (null for generations)
 * @param inputImages base images of an edit, for the token usage
 */
record BatchLineOutcome(BatchInputLine input, ImageOptions options, String variant, int inputImages, LineError error) {

    /** A failed line: the status and OpenAI error body its {@code response} carries in the error file. */
    record LineError(int status, String type, String param, String code, String message) {

        static LineError of(ApiError error) {
            return new LineError(error.status(), error.type(), error.param(), error.code(), error.getMessage());
        }
    }

    boolean succeeded() {
        return error == null;
    }

    static BatchLineOutcome of(BatchInputLine input, ServedModels models, FaultLayer faults) {
        Optional<Fault> fault = faults.takeFor(Fault.BATCH_LINE + input.url());
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.STATUS) {
            Fault f = fault.get();
            return failed(input, new LineError(f.httpStatus(), FaultResponder.errorType(f), null, f.code(),
                    f.message() == null ? "Offline fault: HTTP " + f.httpStatus() : f.message()));
        }
        try {
            ImageOptions options = ImageOptions.read(RequestParams.ofJson(input.body()), models);
            if (options.streamed()) {
                throw ApiError.invalidValue("stream", "Streaming is not supported in batch requests; leave 'stream' out.");
            }
            if (input.url().endsWith("/edits")) {
                List<byte[]> images = baseImages(input.body().get("images"));
                return new BatchLineOutcome(input, options, PromptSeed.fingerprint(images), images.size(), null);
            }
            return new BatchLineOutcome(input, options, null, 0, null);
        } catch (ApiError error) {
            return failed(input, LineError.of(error));
        }
    }

    private static BatchLineOutcome failed(BatchInputLine input, LineError error) {
        return new BatchLineOutcome(input, null, null, 0, error);
    }

    /** The JSON form of an edit (a batch cannot carry multipart): {@code images: [{image_url} | {file_id}]}. */
    private static List<byte[]> baseImages(JsonNode images) {
        if (images == null || !images.isArray() || images.isEmpty()) {
            throw ApiError.missing("images");
        }
        List<byte[]> references = new ArrayList<>();
        for (JsonNode image : images) {
            String reference = image.path("image_url").asText(image.path("file_id").asText(""));
            if (reference.isEmpty()) {
                throw ApiError.invalidValue("images", "Each entry of 'images' needs an image_url or a file_id.");
            }
            references.add(reference.getBytes(StandardCharsets.UTF_8));
        }
        return references;
    }
}
