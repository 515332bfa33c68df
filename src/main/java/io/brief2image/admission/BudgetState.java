package io.brief2image.admission;

/**
 * Whether the daily budget has paused consumption. The health check and the status page read it
 * from the registry under "budgetState", so a real budget can be bound there without touching them.
 */
public interface BudgetState {

    boolean paused();

    /** Why consumption is paused, for people; empty when it is not. */
    String reason();

    double spentTodayUsd();
}
