package io.brief2image.brief;

import io.brief2image.base.BriefFailure;

/** A brief that does not follow the brief format; {@code field} names what to fix. */
public class BriefError extends BriefFailure {

    private final String field;

    public BriefError(String field, String reason) {
        this(field, reason, null);
    }

    /** {@code detail}: the technical text behind the reason (a parser message), for the operator. */
    public BriefError(String field, String reason, String detail) {
        super("validation", reason, detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
