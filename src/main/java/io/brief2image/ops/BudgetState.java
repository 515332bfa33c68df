package io.brief2image.ops;

/** What operators and health checks see of the daily budget. */
public interface BudgetState {

    boolean paused();

    String reason();

    double spentTodayUsd();
}
