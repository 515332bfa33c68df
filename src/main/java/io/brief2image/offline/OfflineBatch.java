package io.brief2image.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of the offline provider, moving through OpenAI's statuses on the clock: validating for
 * the first tenth of the configured delay, in progress (lines done at an even pace) to nine tenths,
 * finalizing, then completed. A fate fault makes it expire (half its lines done) or fail while
 * validating; a cancel makes it cancelling for a tenth of the delay, then cancelled with the lines
 * done by then. Its output and error files are registered once, when it ends.
 */
final class OfflineBatch {

    enum Fate { COMPLETE, EXPIRE, FAIL }

    private static final long DAY_SECONDS = 24 * 3600;

    private final String id;
    private final String endpoint;
    private final String inputFileId;
    private final Map<String, String> metadata;
    private final List<BatchLineOutcome> outcomes;
    private final long createdMillis;
    private final long delayMillis;
    private final Fate fate;
    private final List<Map<String, Object>> errors;
    private long cancelMillis = -1;

    private String status;
    private long endedMillis = -1;
    private int processed;
    private String outputFileId;
    private String errorFileId;

    /** @param errors the batch-level errors when it fails while validating (fate FAIL) */
    OfflineBatch(String id, String endpoint, String inputFileId, Map<String, String> metadata,
                 List<BatchLineOutcome> outcomes, long createdMillis, long delayMillis, Fate fate,
                 List<Map<String, Object>> errors) {
        this.id = id;
        this.endpoint = endpoint;
        this.inputFileId = inputFileId;
        this.metadata = metadata;
        this.outcomes = List.copyOf(outcomes);
        this.createdMillis = createdMillis;
        this.delayMillis = delayMillis;
        this.fate = fate;
        this.errors = List.copyOf(errors);
    }

    String id() {
        return id;
    }

    /** Asks for cancellation; {@code null} when done, else the status that forbids it. */
    synchronized String cancel(long now, FileMaker files) {
        advance(now, files);
        if (endedMillis >= 0) {
            return status;
        }
        if (cancelMillis < 0) {
            cancelMillis = now;
            advance(now, files);
        }
        return null;
    }

    /** Makes the batch's result files when it ends. */
    interface FileMaker {
        /** @return the new file's id */
        String register(String batchId, BatchResultFile content);

        BatchResultFile content(String batchId, List<BatchLineOutcome> outcomes, int processed, boolean errors,
                                String unfinishedCode, String unfinishedMessage);
    }

    private long validatedAt() {
        return createdMillis + delayMillis / 10;
    }

    private long finalizingAt() {
        return createdMillis + delayMillis * 9 / 10;
    }

    private long doneAt() {
        return createdMillis + delayMillis;
    }

    /** Lines worked through by {@code time}, at an even pace between validated and finalizing. */
    private int processedBy(long time) {
        int cap = fate == Fate.EXPIRE ? outcomes.size() / 2 : outcomes.size();
        if (time < validatedAt()) {
            return 0;
        }
        long span = finalizingAt() - validatedAt();
        if (span <= 0 || time >= finalizingAt()) {
            return cap;
        }
        return (int) Math.min(cap, outcomes.size() * (time - validatedAt()) / span);
    }

    private void advance(long now, FileMaker files) {
        if (endedMillis >= 0) {
            return;
        }
        if (fate == Fate.FAIL) {
            status = now >= validatedAt() ? end("failed", validatedAt(), 0, null, null, files) : "validating";
            return;
        }
        if (cancelMillis >= 0) {
            long cancelledAt = cancelMillis + delayMillis / 10;
            processed = processedBy(cancelMillis);
            status = now >= cancelledAt
                    ? end("cancelled", cancelledAt, processed, "batch_cancelled", "The batch was cancelled before this request ran.", files)
                    : "cancelling";
            return;
        }
        if (now >= doneAt()) {
            status = fate == Fate.EXPIRE
                    ? end("expired", doneAt(), processedBy(doneAt()), "batch_expired",
                            "This request could not be executed before the completion window expired.", files)
                    : end("completed", doneAt(), outcomes.size(), null, null, files);
            return;
        }
        processed = processedBy(now);
        status = now < validatedAt() ? "validating" : now < finalizingAt() || fate == Fate.EXPIRE ? "in_progress" : "finalizing";
    }

    private String end(String endStatus, long at, int done, String unfinishedCode, String unfinishedMessage, FileMaker files) {
        endedMillis = at;
        processed = done;
        if (!"failed".equals(endStatus)) {
            long succeeded = outcomes.subList(0, done).stream().filter(BatchLineOutcome::succeeded).count();
            boolean anyError = done - succeeded > 0 || unfinishedCode != null && done < outcomes.size();
            if (succeeded > 0) {
                outputFileId = files.register(id, files.content(id, outcomes, done, false, null, null));
            }
            if (anyError) {
                errorFileId = files.register(id, files.content(id, outcomes, done, true, unfinishedCode, unfinishedMessage));
            }
        }
        return endStatus;
    }

    /** The Batch object as of {@code now}; fields without a value are left out (the spec types them non-null). */
    synchronized Map<String, Object> toJson(long now, FileMaker files) {
        advance(now, files);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "batch");
        json.put("endpoint", endpoint);
        if (!errors.isEmpty() && "failed".equals(status)) {
            json.put("errors", Map.of("object", "list", "data", errors));
        }
        json.put("input_file_id", inputFileId);
        json.put("completion_window", "24h");
        json.put("status", status);
        putIfSet(json, "output_file_id", outputFileId);
        putIfSet(json, "error_file_id", errorFileId);
        json.put("created_at", seconds(createdMillis));
        if (now >= validatedAt() && !"failed".equals(status) && !(cancelMillis >= 0 && cancelMillis < validatedAt())) {
            json.put("in_progress_at", seconds(validatedAt()));
        }
        json.put("expires_at", fate == Fate.EXPIRE ? seconds(doneAt()) : seconds(createdMillis) + DAY_SECONDS);
        if ("finalizing".equals(status) || "completed".equals(status)) {
            json.put("finalizing_at", seconds(finalizingAt()));
        }
        switch (status) {
            case "completed" -> json.put("completed_at", seconds(endedMillis));
            case "failed" -> json.put("failed_at", seconds(endedMillis));
            case "expired" -> json.put("expired_at", seconds(endedMillis));
            case "cancelled" -> json.put("cancelled_at", seconds(endedMillis));
            default -> {
            }
        }
        if (cancelMillis >= 0) {
            json.put("cancelling_at", seconds(cancelMillis));
        }
        json.put("request_counts", counts());
        if (!outcomes.isEmpty() && outcomes.get(0).options() != null) {
            json.put("model", outcomes.get(0).options().model());
        }
        if (metadata != null) {
            json.put("metadata", metadata);
        }
        return json;
    }

    private Map<String, Object> counts() {
        long completed = outcomes.subList(0, processed).stream().filter(BatchLineOutcome::succeeded).count();
        long failed = processed - completed;
        if (endedMillis >= 0 && !"failed".equals(status)) {
            failed += outcomes.size() - processed; // cancelled or expired before they ran
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", outcomes.size());
        counts.put("completed", completed);
        counts.put("failed", failed);
        return counts;
    }

    private static void putIfSet(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static long seconds(long millis) {
        return millis / 1000;
    }
}
