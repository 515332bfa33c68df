package io.brief2image.offline;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the offline server performs instead of (or before) a normal reply.
 *
 * @param pathPrefix the request paths this fault applies to; {@code null} means any API endpoint
 */
public record Fault(
        Kind kind,
        int httpStatus,
        String code,
        String message,
        String retryAfter,
        Duration hangFor,
        String pathPrefix) {

    public enum Kind { STATUS, MALFORMED_JSON, TRUNCATED_BASE64, HANG, CONNECTION_RESET, BATCH_EXPIRED, BATCH_FAILED }

    /**
     * The path of one line of a batch as the batch works through it: a status fault for this path
     * makes that line fail with the status (in the batch's error file) instead of rendering.
     * Not an HTTP path, so faults meant for any endpoint (no path) never hit batch lines.
     */
    public static final String BATCH_LINE = "batch-line:";
    /** The path a new batch takes its fate from: {@link #batchExpires()} or {@link #batchFails}. */
    public static final String BATCH_CREATED = "batch-created:";

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.STATUS && (httpStatus < 400 || httpStatus > 599)) {
            throw new IllegalArgumentException("status faults need a 4xx or 5xx status, got " + httpStatus);
        }
        if (kind == Kind.HANG && (hangFor == null || hangFor.isNegative())) {
            throw new IllegalArgumentException("hang faults need a non-negative duration");
        }
    }

    /** Replies with {@code status} and an OpenAI style error body. */
    public static Fault status(int status, String code, String message) {
        return new Fault(Kind.STATUS, status, code, message, null, null, null);
    }

    /** Replies 200 with a body that is not valid JSON. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 200, null, null, null, null, null);
    }

    /** Replies 200 and drops the connection in the middle of the base64 image. */
    public static Fault truncatedBase64() {
        return new Fault(Kind.TRUNCATED_BASE64, 200, null, null, null, null, null);
    }

    /** Waits before replying normally; server close cuts the wait short. */
    public static Fault hang(Duration duration) {
        return new Fault(Kind.HANG, 0, null, null, null, duration, null);
    }

    /** Drops the connection without sending a response. */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, null, null, null, null, null);
    }

    /** The next batch line fails with {@code status} and OpenAI's error body (in the batch's error file). */
    public static Fault batchLine(int status, String code, String message) {
        return status(status, code, message).forPath(BATCH_LINE);
    }

    /** The next batch created runs out of its completion window: it ends {@code expired} with half its lines done. */
    public static Fault batchExpires() {
        return new Fault(Kind.BATCH_EXPIRED, 0, "batch_expired", null, null, null, BATCH_CREATED);
    }

    /** The next batch created fails while validating, with this error in its {@code errors}. */
    public static Fault batchFails(String code, String message) {
        return new Fault(Kind.BATCH_FAILED, 0, code, message, null, null, BATCH_CREATED);
    }

    /** Adds a {@code Retry-After} header (delta seconds or an HTTP date, sent verbatim). */
    public Fault withRetryAfter(String value) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("Retry-After only applies to status faults");
        }
        return new Fault(kind, httpStatus, code, message, value, hangFor, pathPrefix);
    }

    /** Restricts the fault to requests whose path starts with {@code prefix}. */
    public Fault forPath(String prefix) {
        return new Fault(kind, httpStatus, code, message, retryAfter, hangFor, prefix);
    }

    boolean appliesTo(String path) {
        if (pathPrefix == null) {
            // any HTTP endpoint; batch lines and batch fates (paths not starting with '/') only when named
            return path.startsWith("/") && !path.startsWith(OfflineImageServer.CONTROL_PREFIX);
        }
        return path.startsWith(pathPrefix);
    }
}
