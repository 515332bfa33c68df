package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a batch input file: {@code {"custom_id", "method": "POST", "url", "body"}}. The file is
 * checked line by line when it is uploaded; the body itself is checked as the synchronous endpoint
 * would when the batch runs, and a bad body fails only its own line (as OpenAI does).
 *
 * @param line 1-based line number in the file
 */
record BatchInputLine(int line, String customId, String url, ObjectNode body) {

    static final int MAX_LINES = 50_000;
    static final long MAX_BYTES = 200L * 1024 * 1024;
    static final Set<String> URLS = Set.of("/v1/images/generations", "/v1/images/edits");

    /** Every line of {@code jsonl}, or the 400 that names the first bad line and what to fix. */
    static List<BatchInputLine> parseAll(byte[] jsonl) {
        if (jsonl.length > MAX_BYTES) {
            throw ApiError.invalidValue("file", "The batch file is " + (jsonl.length >> 20) + " MB; a batch file may be at most 200 MB.");
        }
        List<BatchInputLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int start = 0;
        int number = 0;
        while (start < jsonl.length) {
            int end = start;
            while (end < jsonl.length && jsonl[end] != '\n') {
                end++;
            }
            number++;
            int contentEnd = end > start && jsonl[end - 1] == '\r' ? end - 1 : end;
            boolean last = end >= jsonl.length - 1;
            if (contentEnd == start && last) {
                break; // a final line break, not a line
            }
            if (number > MAX_LINES) {
                throw ApiError.invalidValue("file", "The batch file has more than " + MAX_LINES + " lines; split it into several batches.");
            }
            BatchInputLine line = parse(number, jsonl, start, contentEnd - start);
            Integer first = seen.putIfAbsent(line.customId(), number);
            if (first != null) {
                throw invalid(number, "custom_id '" + line.customId() + "' is already used on line " + first
                        + "; each line needs its own custom_id");
            }
            lines.add(line);
            start = end + 1;
        }
        if (lines.isEmpty()) {
            throw ApiError.invalidValue("file", "The batch file is empty; it needs one JSON request per line.");
        }
        return lines;
    }

    private static BatchInputLine parse(int number, byte[] jsonl, int offset, int length) {
        JsonNode json;
        try {
            json = OfflineJson.MAPPER.readTree(jsonl, offset, length);
        } catch (IOException e) {
            throw invalid(number, "it is not valid JSON");
        }
        if (!(json instanceof ObjectNode object)) {
            throw invalid(number, "it is not a JSON object");
        }
        JsonNode customId = object.get("custom_id");
        if (customId == null || !customId.isTextual() || customId.asText().isEmpty()) {
            throw invalid(number, "custom_id is missing; give each line a unique text custom_id");
        }
        if (!"POST".equals(object.path("method").asText(null))) {
            throw invalid(number, "method must be \"POST\"");
        }
        String url = object.path("url").asText(null);
        if (!URLS.contains(url)) {
            throw invalid(number, "url must be /v1/images/generations or /v1/images/edits, not " + (url == null ? "missing" : "'" + url + "'"));
        }
        if (!(object.get("body") instanceof ObjectNode body)) {
            throw invalid(number, "body must be the JSON object the endpoint takes");
        }
        return new BatchInputLine(number, customId.asText(), url, body);
    }

    private static ApiError invalid(int number, String what) {
        return ApiError.invalidValue("file", "Line " + number + " of the batch file is invalid: " + what + ".");
    }
}
