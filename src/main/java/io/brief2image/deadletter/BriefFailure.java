package io.brief2image.deadletter;

/**
 * Why a brief cannot be done. {@code reason} is a sentence for the person who wrote the brief;
 * the other fields are for the operator.
 */
public class BriefFailure extends RuntimeException {

    private final String stage;
    private final String reason;
    private final Integer httpStatus;
    private final String providerError;
    private final int attempts;

    public BriefFailure(String stage, String reason) {
        this(stage, reason, null, null, 0, null);
    }

    public BriefFailure(String stage, String reason, Integer httpStatus, String providerError, int attempts, Throwable cause) {
        super(stage + ": " + reason, cause, false, false);
        this.stage = stage;
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.providerError = providerError;
        this.attempts = attempts;
    }

    public String stage() {
        return stage;
    }

    public String reason() {
        return reason;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String providerError() {
        return providerError;
    }

    public int attempts() {
        return attempts;
    }
}
