package io.brief2image.deadletter;

import io.brief2image.base.Source;

/**
 * {@code failed/<name>.error.json}: why a brief failed. {@code reason} is a sentence for the person
 * who wrote the brief; {@code detail} the technical text behind it, for the operator (may be null).
 */
public record ErrorReport(String briefId, String stage, String reason, String detail, Integer httpStatus, String providerError,
                          int attempts, String firstSeen, String failedAt, String originalName, Source source) {
}
