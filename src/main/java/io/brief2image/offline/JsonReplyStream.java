package io.brief2image.offline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a JSON reply piece by piece so base64 images go straight from the encoder to the socket
 * instead of being assembled into one large string first.
 */
final class JsonReplyStream {

    private final OutputStream out;

    JsonReplyStream(OutputStream out) {
        this.out = out;
    }

    /** JSON syntax written verbatim; callers pass only punctuation and field names they control. */
    JsonReplyStream raw(String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Any value, escaped and serialised by Jackson. */
    JsonReplyStream value(Object value) throws IOException {
        out.write(OfflineJson.MAPPER.writeValueAsBytes(value));
        return this;
    }

    /** A JSON string holding the base64 of the image. */
    JsonReplyStream base64(ImageBytes image) throws IOException {
        out.write('"');
        try (OutputStream encoder = Base64.getEncoder().wrap(new NonClosingOutputStream(out))) {
            image.writeTo(encoder);
        }
        out.write('"');
        return this;
    }

    /** Pushes what was written so far to the client, e.g. after each Server-Sent Event. */
    JsonReplyStream flush() throws IOException {
        out.flush();
        return this;
    }

    void finish() throws IOException {
        out.flush();
    }
}
