package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline provider's batches: created from an uploaded input file, advanced on the clock
 * ({@link OfflineBatch}), their result files registered in {@link OfflineFiles} when they end.
 */
final class OfflineBatches implements OfflineBatch.FileMaker {

    private static final Set<String> ENDPOINTS = BatchInputLine.URLS;
    private static final int MAX_METADATA = 16;
    private static final int MAX_LISTED_ERRORS = 10;

    private final OfflineFiles files;
    private final ServedModels models;
    private final FaultLayer faults;
    private final PreviewSource previews;
    private final long delayMillis;
    private final Map<String, OfflineBatch> batches = new LinkedHashMap<>();

    OfflineBatches(OfflineFiles files, ServedModels models, FaultLayer faults, PreviewSource previews, long delayMillis) {
        this.files = files;
        this.models = models;
        this.faults = faults;
        this.previews = previews;
        this.delayMillis = delayMillis;
    }

    /** POST /v1/batches: checks the request as OpenAI does (CreateBatchRequest) and starts the batch. */
    Map<String, Object> create(ObjectNode request) {
        String inputFileId = required(request, "input_file_id");
        String endpoint = required(request, "endpoint");
        if (!ENDPOINTS.contains(endpoint)) {
            throw ApiError.invalidValue("endpoint", "The offline provider batches only /v1/images/generations and "
                    + "/v1/images/edits, not '" + endpoint + "'.");
        }
        String window = required(request, "completion_window");
        if (!"24h".equals(window)) {
            throw ApiError.invalidValue("completion_window", "Invalid value for 'completion_window': '" + window
                    + "'. Supported values are: '24h'.");
        }
        Map<String, String> metadata = metadata(request.get("metadata"));
        List<BatchInputLine> lines = files.batchInput(inputFileId);

        OfflineBatch.Fate fate = OfflineBatch.Fate.COMPLETE;
        List<Map<String, Object>> errors = mismatchedUrls(lines, endpoint);
        Optional<Fault> fault = faults.takeFor(Fault.BATCH_CREATED);
        if (!errors.isEmpty()) {
            fate = OfflineBatch.Fate.FAIL;
        } else if (fault.isPresent() && fault.get().kind() == Fault.Kind.BATCH_FAILED) {
            fate = OfflineBatch.Fate.FAIL;
            errors = List.of(error(fault.get().code(), fault.get().message(), null));
        } else if (fault.isPresent() && fault.get().kind() == Fault.Kind.BATCH_EXPIRED) {
            fate = OfflineBatch.Fate.EXPIRE;
        }
        List<BatchLineOutcome> outcomes = new ArrayList<>();
        if (fate != OfflineBatch.Fate.FAIL) {
            lines.forEach(line -> outcomes.add(BatchLineOutcome.of(line, models, faults)));
        }
        long now = System.currentTimeMillis();
        OfflineBatch batch = new OfflineBatch(Replies.randomId("batch_"), endpoint, inputFileId, metadata,
                fate == OfflineBatch.Fate.FAIL ? placeholders(lines) : outcomes,
                now, delayMillis, fate, errors);
        synchronized (batches) {
            batches.put(batch.id(), batch);
        }
        return batch.toJson(now, this);
    }

    /** A failed batch runs no line; its request count still says how many it had. */
    private static List<BatchLineOutcome> placeholders(List<BatchInputLine> lines) {
        return lines.stream().map(line -> new BatchLineOutcome(line, null, null, 0,
                new BatchLineOutcome.LineError(400, "invalid_request_error", null, "batch_failed", "The batch failed."))).toList();
    }

    Map<String, Object> get(String id) {
        return require(id).toJson(System.currentTimeMillis(), this);
    }

    /** POST /v1/batches/{id}/cancel; a batch that has ended cannot be cancelled (400, as OpenAI answers). */
    Map<String, Object> cancel(String id) {
        OfflineBatch batch = require(id);
        long now = System.currentTimeMillis();
        String ended = batch.cancel(now, this);
        if (ended != null) {
            throw new ApiError(400, "invalid_request_error", null, "invalid_state",
                    "Cannot cancel a batch with status '" + ended + "'.");
        }
        return batch.toJson(now, this);
    }

    /** GET /v1/batches: newest first, in the ListBatchesResponse shape. */
    Map<String, Object> list() {
        long now = System.currentTimeMillis();
        List<Map<String, Object>> data = new ArrayList<>();
        synchronized (batches) {
            List<OfflineBatch> all = new ArrayList<>(batches.values());
            Collections.reverse(all);
            for (OfflineBatch batch : all) {
                data.add(batch.toJson(now, this));
            }
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        if (!data.isEmpty()) {
            list.put("first_id", data.get(0).get("id"));
            list.put("last_id", data.get(data.size() - 1).get("id"));
        }
        list.put("has_more", false);
        return list;
    }

    @Override
    public String register(String batchId, BatchResultFile content) {
        String name = batchId + (content.errors() ? "_error.jsonl" : "_output.jsonl");
        return files.add(name, "batch_output", content).id();
    }

    @Override
    public BatchResultFile content(String batchId, List<BatchLineOutcome> outcomes, int processed, boolean errors,
                                   String unfinishedCode, String unfinishedMessage) {
        return new BatchResultFile(batchId, outcomes, processed, errors, unfinishedCode, unfinishedMessage,
                Instant.now().getEpochSecond(), previews);
    }

    private OfflineBatch require(String id) {
        synchronized (batches) {
            OfflineBatch batch = batches.get(id);
            if (batch == null) {
                throw new ApiError(404, "invalid_request_error", null, "not_found", "No batch found with id '" + id + "'.");
            }
            return batch;
        }
    }

    private static List<Map<String, Object>> mismatchedUrls(List<BatchInputLine> lines, String endpoint) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (BatchInputLine line : lines) {
            if (!line.url().equals(endpoint) && errors.size() < MAX_LISTED_ERRORS) {
                errors.add(error("invalid_url", "The URL provided for this request (" + line.url()
                        + ") does not match the batch endpoint " + endpoint + ".", line.line()));
            }
        }
        return errors;
    }

    private static Map<String, Object> error(String code, String message, Integer line) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (line != null) {
            error.put("line", line);
        }
        return error;
    }

    private static String required(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.missing(field);
        }
        if (!value.isTextual()) {
            throw ApiError.invalidValue(field, "Invalid type for '" + field + "': expected a string.");
        }
        return value.asText();
    }

    private static Map<String, String> metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() > MAX_METADATA) {
            throw ApiError.invalidValue("metadata", "'metadata' must be an object of at most 16 string values.");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isTextual() || entry.getKey().length() > 64 || entry.getValue().asText().length() > 512) {
                throw ApiError.invalidValue("metadata", "'metadata." + entry.getKey() + "' must be a string of at most 512 "
                        + "characters, under a key of at most 64.");
            }
            metadata.put(entry.getKey(), entry.getValue().asText());
        }
        return metadata;
    }
}
