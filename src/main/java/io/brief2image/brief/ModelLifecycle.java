package io.brief2image.brief;

import io.brief2image.guidelines.PolicyAction;
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

    /** A model id that cannot be used today; {@code reason} says what to name instead. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
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
        ModelSpec model = table.find(id).orElseThrow(() -> new Refused("unknown model '" + BriefValidator.abbreviate(id)
                + "'; known models: " + String.join(", ", table.ids())));
        LocalDate today = today();
        List<PolicyAction> policy = new ArrayList<>();
        // the table guarantees replacement chains end, so this loop does too
        while (model.isShutDownOn(today)) {
            if (model.replacement() == null) {
                throw new Refused(model.id() + " was shut down on " + model.shutdown() + " and the model table names no replacement; name another model");
            }
            if (retired == RetiredModels.REJECT) {
                throw new Refused(model.id() + " was shut down on " + model.shutdown() + "; name " + finalReplacement(model, today).id()
                        + " instead (or set retired-models=replace to render such briefs on it)");
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
                : "briefs naming it will then be refused; name " + model.replacement() + " instead";
        return Optional.of("model " + model.id() + " shuts down on " + model.shutdown() + " (in " + days
                + (days == 1 ? " day" : " days") + "); " + then);
    }

    private ModelSpec finalReplacement(ModelSpec model, LocalDate today) {
        ModelSpec at = model;
        while (at.isShutDownOn(today) && at.replacement() != null) {
            at = table.find(at.replacement()).orElseThrow();
        }
        return at;
    }
}
