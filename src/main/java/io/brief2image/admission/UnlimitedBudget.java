package io.brief2image.admission;

import io.brief2image.base.PipelineMetrics;

/**
 * The budget when none is set: never paused. Spend is what this process has estimated since it
 * started, which is the best "today" there is without a budget ledger.
 */
public record UnlimitedBudget(PipelineMetrics metrics) implements BudgetState {

    @Override
    public boolean paused() {
        return false;
    }

    @Override
    public String reason() {
        return "";
    }

    @Override
    public double spentTodayUsd() {
        return metrics.spendUsd();
    }
}
