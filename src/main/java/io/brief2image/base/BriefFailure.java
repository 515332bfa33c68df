package io.brief2image.base;

/**
 * Why a brief cannot be done. {@code reason} is a sentence for the person who wrote the brief
 * (no exception names, parser text or paths); {@code detail} is the technical text for the
 * operator; the other fields are for the operator too.
 */
public class BriefFailure extends RuntimeException {

    private final String stage;
    private final String reason;
    private final String detail;
    private final Integer httpStatus;
    private final String providerError;
    private final int attempts;

    public BriefFailure(String stage, String reason) {
        this(stage, reason, (String) null);
    }

    public BriefFailure(String stage, String reason, String detail) {
        this(stage, reason, detail, null, null, 0, null);
    }

    /** The detail is taken from {@code cause} (its exception text, paths made relative). */
    public BriefFailure(String stage, String reason, Integer httpStatus, String providerError, int attempts, Throwable cause) {
        this(stage, reason, cause == null ? null : Detail.of(cause), httpStatus, providerError, attempts, cause);
    }

    public BriefFailure(String stage, String reason, String detail, Integer httpStatus, String providerError, int attempts,
                        Throwable cause) {
        super(stage + ": " + asSentence(reason), cause, false, false);
        this.stage = stage;
        this.reason = asSentence(reason);
        this.detail = detail == null ? null : Detail.scrub(detail);
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

    /** The technical text behind the reason (exception text, parser message), or null. */
    public String detail() {
        return detail;
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

    /** A reason always reads as a sentence: capital first letter, closing full stop. */
    static String asSentence(String reason) {
        String text = reason == null || reason.isBlank() ? "The brief could not be done." : reason.strip();
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? text : text + ".";
    }
}
