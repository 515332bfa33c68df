package io.brief2image.ops;

/** One dead letter as the status page lists it: the file in failed/ and why it failed. */
public record DeadLetterEntry(String name, String briefId, String stage, String reason, Integer httpStatus,
                              int attempts, String failedAt, String channel) {
}
