package io.brief2image.offline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The offline provider's files, by id, for as long as the server runs. */
final class OfflineFiles {

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, List<BatchInputLine>> batchInputs = new ConcurrentHashMap<>();

    /** An uploaded batch input file, kept with its checked lines for the batches made from it. */
    StoredFile addBatchInput(String filename, byte[] content, List<BatchInputLine> lines) {
        StoredFile file = add(filename, "batch", StoredFile.ofBytes(content));
        batchInputs.put(file.id(), List.copyOf(lines));
        return file;
    }

    /** The lines of a batch input file, or the 400 for a file that is not one. */
    List<BatchInputLine> batchInput(String id) {
        require(id);
        List<BatchInputLine> lines = batchInputs.get(id);
        if (lines == null) {
            throw ApiError.invalidValue("input_file_id", "File " + id + " was not uploaded with purpose 'batch'.");
        }
        return lines;
    }

    StoredFile add(String filename, String purpose, StoredFile.Content content) {
        StoredFile file = new StoredFile(Replies.randomId("file-"), filename, purpose, Instant.now().getEpochSecond(), content);
        files.put(file.id(), file);
        return file;
    }

    StoredFile require(String id) {
        StoredFile file = files.get(id);
        if (file == null) {
            throw new ApiError(404, "invalid_request_error", "file_id", null, "No such File object: " + id);
        }
        return file;
    }
}
