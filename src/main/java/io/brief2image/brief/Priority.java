package io.brief2image.brief;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * When a brief's images are made (docs/DESIGN.md §1, {@code priority}): {@code now} = a synchronous call,
 * {@code batch} = OpenAI's Batch API at the table's batch price, results within 24 h.
 *
 * <p>Where it comes from, first that says: the brief's own field (a JSON field or a CSV column); else
 * the JMS string property {@value #PROPERTY} of the message that carried it (which the inbox sets from
 * the setting {@code inbox-priority}); else {@code now}. The body wins because it is what the brief's
 * author wrote; a property is the sender's default for briefs that do not say.
 */
public enum Priority {
    NOW, BATCH;

    /** The JMS string property a sender (or the inbox) may set. */
    public static final String PROPERTY = "priority";
    /**
     * Set by the batch path alone, on a brief it sends back to the queue because its batch ended before the
     * images were made: the brief is made now whatever its field says; the value is the sidecar's warning.
     */
    public static final String MADE_NOW = "b2i_made_now";
    static final String FIELD = "priority";
    static final String ALLOWED = "now or batch";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named, or empty when it is not a priority (case does not matter). */
    public static Optional<Priority> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Priority p : values()) {
            if (p.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Why the brief's {@code priority} field (the {@code subject}, "The field 'priority'") is wrong; empty when it is fine. */
    static Optional<String> fieldProblem(JsonNode node, String subject) {
        if (node == null || node.isNull() || (node.isTextual() && of(node.textValue()).isPresent())) {
            return Optional.empty();
        }
        String given = node.isTextual() ? "'" + BriefValidator.abbreviate(node.textValue()) + "'" : BriefValidator.describe(node);
        return Optional.of(subject + " is " + given + ", which is not a priority: use " + ALLOWED
                + " (now = made at once; batch = within 24 hours at half price).");
    }

    /** Why the message's property is wrong; empty when it is fine or not set. */
    static Optional<String> propertyProblem(String property) {
        if (property == null || property.isBlank() || of(property).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("The message property '" + PROPERTY + "' is '" + BriefValidator.abbreviate(property)
                + "', which is not a priority: use " + ALLOWED + " (now = made at once; batch = within 24 hours at half price).");
    }

    /** The brief's field when it gives one, else the message's property, else now; both checked beforehand. */
    static Priority resolve(JsonNode field, String property) {
        if (field != null && field.isTextual()) {
            return of(field.textValue()).orElse(NOW);
        }
        return property == null || property.isBlank() ? NOW : of(property).orElse(NOW);
    }
}
