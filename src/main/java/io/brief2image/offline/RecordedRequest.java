package io.brief2image.offline;

import java.util.Map;

/**
 * One request as the offline server saw it, so tests and pipelines can assert on what was sent.
 *
 * @param fields the top-level JSON (or multipart text) fields, with image payloads left out
 *               because they would make snapshots huge and are summarised by {@code imageParts}
 * @param receivedAtMicros when the request arrived (epoch microseconds, wall clock), so pacing can be
 *               checked from the server's side; 0 until the router stamps it
 */
public record RecordedRequest(
        String method,
        String path,
        String model,
        String prompt,
        Integer n,
        Long seed,
        String size,
        boolean hadBearerToken,
        int imageParts,
        Map<String, Object> fields,
        long receivedAtMicros) {

    public RecordedRequest(String method, String path, String model, String prompt, Integer n, Long seed, String size,
                           boolean hadBearerToken, int imageParts, Map<String, Object> fields) {
        this(method, path, model, prompt, n, seed, size, hadBearerToken, imageParts, fields, 0);
    }

    RecordedRequest receivedAt(long epochMicros) {
        return new RecordedRequest(method, path, model, prompt, n, seed, size, hadBearerToken, imageParts, fields,
                epochMicros);
    }
}
