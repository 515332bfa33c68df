package io.brief2image.brief;

import io.brief2image.deadletter.BriefFailure;

/** A brief that does not follow the brief format; {@code field} names what to fix. */
public class BriefError extends BriefFailure {

    private final String field;

    public BriefError(String field, String reason) {
        super("validation", reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
