package io.brief2image.ops.health;

import io.brief2image.admission.BudgetState;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/** UP unless the daily budget has paused consumption; then DOWN with the budget's reason. */
public final class BudgetHealthCheck extends ReadinessCheck {

    private final Supplier<BudgetState> budget;

    /** @param budget looked up at every call, so a budget bound after start is the one asked */
    public BudgetHealthCheck(Supplier<BudgetState> budget) {
        super("budget");
        this.budget = budget;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        BudgetState state = budget.get();
        if (state == null) {
            builder.message("no budget state bound").up();
            return;
        }
        String spent;
        try {
            spent = String.format(Locale.ROOT, "%.4f", state.spentTodayUsd());
        } catch (RuntimeException storeDown) {
            // the shared store does not answer (health "store" says why): briefs wait for it, as for budget
            builder.message("paused: " + storeDown.getMessage()).down();
            return;
        }
        builder.detail("spent_today_usd", spent);
        if (state.paused()) {
            builder.message("paused: " + state.reason()).down();
        } else {
            builder.message("not paused, spent today " + spent + " USD").up();
        }
    }
}
