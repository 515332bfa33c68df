package io.brief2image.offline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file of the offline provider's Files API: an uploaded batch input (held as bytes, at most 200 MB)
 * or a batch's output or error file, whose lines are produced as they are sent ({@link Content}).
 */
record StoredFile(String id, String filename, String purpose, long createdAt, Content content) {

    /** What a file holds, written to a stream on demand. */
    interface Content {

        void writeTo(OutputStream out) throws IOException;

        /** The size in bytes; a generated file may have to be produced once (to a counter) to know it. */
        long bytes() throws IOException;
    }

    static Content ofBytes(byte[] bytes) {
        return new Content() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public long bytes() {
                return bytes.length;
            }
        };
    }

    /** The OpenAIFile object. */
    Map<String, Object> toJson() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "file");
        json.put("bytes", content.bytes());
        json.put("created_at", createdAt);
        json.put("filename", filename);
        json.put("purpose", purpose);
        json.put("status", "processed");
        return json;
    }
}
