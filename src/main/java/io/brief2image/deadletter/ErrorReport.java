package io.brief2image.deadletter;

import io.brief2image.brief.Source;

/** {@code failed/<name>.error.json}: why a brief failed, for the person who wrote it and the operator. */
public record ErrorReport(String briefId, String stage, String reason, Integer httpStatus, String providerError,
                          int attempts, String firstSeen, String failedAt, String originalName, Source source) {
}
