package io.brief2image.guidelines.rules;

/** Thrown when a prompt asks for something that cannot be rewritten into acceptable content. */
public final class GuidelineBlockedException extends RuntimeException {
    private final String rule;
    private final String term;
    private final String reason;

    GuidelineBlockedException(String rule, String term, String reason) {
        super(reason);
        this.rule = rule;
        this.term = term;
        this.reason = reason;
    }

    public String rule() {
        return rule;
    }

    public String term() {
        return term;
    }

    /** A sentence meant for the person who wrote the brief, not for a developer. */
    public String reason() {
        return reason;
    }
}
