package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;

/** A file the provider accepted (OpenAI's File object). */
public record UploadedFile(String id, long bytes, String filename, String purpose) {

    static UploadedFile of(JsonNode json) {
        return new UploadedFile(json.path("id").asText(), json.path("bytes").asLong(), json.path("filename").asText(null),
                json.path("purpose").asText(null));
    }
}
