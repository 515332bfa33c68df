package io.brief2image.ops;

/**
 * One dead letter as the status page lists it: the file in failed/ and why it failed; the reason
 * for everyone, the detail (technical text, may be null) for the operator.
 */
public record DeadLetterEntry(String name, String briefId, String stage, String reason, String detail, Integer httpStatus,
                              int attempts, String failedAt, String channel) {
}
