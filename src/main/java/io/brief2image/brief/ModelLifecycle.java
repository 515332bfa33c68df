package io.brief2image.brief;

import io.brief2image.base.PolicyAction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a model id means today (from a {@link Clock}, so tests can pick the day): a served model as
 * is, a shut-down model replaced by its replacement (followed until one is served) or refused,
 * and a warning when the model is about to be shut down.
 */
public final class ModelLifecycle {

    /** Setting retired-models: render briefs naming a shut-down model on its replacement, or refuse them. */
    public enum RetiredModels {
        REPLACE, REJECT;

        public static RetiredModels of(String setting) {
            try {
                return setting == null || setting.isBlank() ? REPLACE : valueOf(setting.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("setting brief2image.retired-models must be replace or reject, got '" + setting + "'");
            }
        }
    }

    /** The model to render on, the policy entries of the migration and warnings for the sidecar. */
    public record Resolved(ModelSpec model, List<PolicyAction> policy, List<String> warnings) {
    }

    /**
     * A model id that cannot be used today. The reason is told about whoever named the model (the
     * brief's field, the model setting, an earlier image), so it is kept in two parts: what the model
     * is ({@code "'dall-e-3', a model that was shut down on 2026-05-12"}) and what to do instead.
     */
    public static final class Refused extends Exception {
        private final String what;
        private final String todo;
        private final String replacement;

        Refused(String what, String todo, String replacement) {
            super("The model is " + what + ": " + todo + ".", null, false, false);
            this.what = what;
            this.todo = todo;
            this.replacement = replacement;
        }

        /** The reason as a sentence about {@code subject}, e.g. "The field 'model'" or "The model setting". */
        public String sentence(String subject) {
            return subject + " is " + what + ": " + todo + ".";
        }

        /** What the model is, to be said after "is". */
        public String what() {
            return what;
        }

        /** The served model briefs naming it would be rendered on with retired-models=replace, or null. */
        public String replacement() {
            return replacement;
        }
    }

    private final ModelTable table;
    private final Clock clock;
    private final RetiredModels retired;

    public ModelLifecycle(ModelTable table, Clock clock, RetiredModels retired) {
        this.table = table;
        this.clock = clock;
        this.retired = retired;
    }

    public ModelTable table() {
        return table;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Resolved resolve(String id) throws Refused {
        ModelSpec model = table.find(id).orElseThrow(() -> new Refused("'" + BriefValidator.abbreviate(id)
                + "', which is not a model brief2image knows", "use one of " + String.join(", ", table.ids()), null));
        LocalDate today = today();
        List<PolicyAction> policy = new ArrayList<>();
        // the table guarantees replacement chains end, so this loop does too
        while (model.isShutDownOn(today)) {
            String what = "'" + model.id() + "', a model that was shut down on " + model.shutdown();
            if (model.replacement() == null) {
                throw new Refused(what + " and for which the model table names no replacement", "name another model", null);
            }
            if (retired == RetiredModels.REJECT) {
                String replacement = finalReplacement(model, today).id();
                throw new Refused(what, "name " + replacement + " instead, or set retired-models=replace to render such briefs on it",
                        replacement);
            }
            ModelSpec next = table.find(model.replacement()).orElseThrow();
            policy.add(new PolicyAction("model-retired", "replaced", model.id() + " was shut down on " + model.shutdown() + " → " + next.id()));
            model = next;
        }
        List<String> warnings = shutdownWarning(model).map(List::of).orElse(List.of());
        return new Resolved(model, List.copyOf(policy), warnings);
    }

    /** A warning when the model shuts down within the table's shutdown_warning_days. */
    public Optional<String> shutdownWarning(ModelSpec model) {
        LocalDate today = today();
        if (model.shutdown() == null || model.isShutDownOn(today)) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(today, model.shutdown());
        if (days > table.shutdownWarningDays()) {
            return Optional.empty();
        }
        String then = model.replacement() == null ? "name another model before then"
                : retired == RetiredModels.REPLACE ? "briefs naming it will then be rendered on " + model.replacement()
                : "briefs naming it will then be refused, so name " + model.replacement() + " instead";
        return Optional.of("Model " + model.id() + " shuts down on " + model.shutdown() + " (in " + days
                + (days == 1 ? " day" : " days") + "): " + then + ".");
    }

    private ModelSpec finalReplacement(ModelSpec model, LocalDate today) {
        ModelSpec at = model;
        while (at.isShutDownOn(today) && at.replacement() != null) {
            at = table.find(at.replacement()).orElseThrow();
        }
        return at;
    }
}
