package io.brief2image.offline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Acts out a {@link Fault} on one exchange. */
final class FaultResponder {

    private static final byte[] MALFORMED_BODY = "{\"data\":[{\"b64_json\":".getBytes(StandardCharsets.UTF_8);
    private static final int TRUNCATED_BASE64_CHARS = 6_000;

    private final ServerLifetime lifetime;
    private volatile byte[] truncatedBase64;

    FaultResponder(ServerLifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** @return {@code true} when the normal reply should still follow (a hang that ran its course) */
    boolean act(Fault fault, String path, Replies replies) throws IOException {
        switch (fault.kind()) {
            case STATUS -> {
                replies.error(fault.httpStatus(), errorType(fault), null, fault.code(), messageOf(fault),
                        fault.retryAfter());
                return false;
            }
            case MALFORMED_JSON -> {
                replies.bytes(200, "application/json", MALFORMED_BODY);
                return false;
            }
            case TRUNCATED_BASE64 -> {
                OutputStream out = replies.startChunked(200);
                out.write(openingOf(path).getBytes(StandardCharsets.UTF_8));
                out.write(truncatedBase64());
                out.flush();
                throw new DropConnection("truncated base64 fault");
            }
            case HANG -> {
                if (!lifetime.pause(fault.hangFor())) {
                    throw new DropConnection("server closed during hang fault");
                }
                return true;
            }
            case CONNECTION_RESET -> throw new DropConnection("connection reset fault");
            case BATCH_EXPIRED, BATCH_FAILED -> {
                return true; // fates of a batch, taken when one is created, never acted out on a request
            }
            default -> throw new IllegalStateException("unhandled fault kind " + fault.kind());
        }
    }

    static String errorType(Fault fault) {
        if (fault.httpStatus() == 400 && "moderation_blocked".equals(fault.code())) {
            return "image_generation_user_error";
        }
        return fault.httpStatus() >= 500 ? "server_error" : "invalid_request_error";
    }

    private static String messageOf(Fault fault) {
        return fault.message() == null ? "Offline fault: HTTP " + fault.httpStatus() : fault.message();
    }

    /** The reply shape up to the first image string, so the cut lands inside base64 for every endpoint. */
    private static String openingOf(String path) {
        if (path.startsWith("/sdapi")) {
            return "{\"images\":[\"";
        }
        if (path.startsWith("/v1/responses")) {
            return "{\"id\":\"resp_truncated\",\"object\":\"response\",\"output\":[{\"type\":\"image_generation_call\","
                    + "\"status\":\"completed\",\"result\":\"";
        }
        return "{\"created\":" + Instant.now().getEpochSecond() + ",\"data\":[{\"b64_json\":\"";
    }

    /** Real PNG base64 rather than filler, so a lenient client would get as far as decoding. */
    private byte[] truncatedBase64() throws IOException {
        byte[] cached = truncatedBase64;
        if (cached == null) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            PreviewPainter.paint("truncated", 1, 256, 256, "png", png);
            byte[] full = Base64.getEncoder().encode(png.toByteArray());
            cached = java.util.Arrays.copyOf(full, Math.min(full.length - 1, TRUNCATED_BASE64_CHARS));
            truncatedBase64 = cached;
        }
        return cached;
    }
}
