package io.brief2image.admission;

import java.util.List;
import java.util.stream.Collectors;

/** Everything that can hold paid requests back (budget, disk), as one state for the status page and the stall check. */
public record Pauses(BudgetState budget, List<BudgetState> others) implements BudgetState {

    @Override
    public boolean paused() {
        return budget.paused() || others.stream().anyMatch(BudgetState::paused);
    }

    @Override
    public String reason() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(budget), others.stream())
                .filter(BudgetState::paused).map(BudgetState::reason).filter(r -> !r.isEmpty()).collect(Collectors.joining("; "));
    }

    @Override
    public double spentTodayUsd() {
        return budget.spentTodayUsd();
    }
}
