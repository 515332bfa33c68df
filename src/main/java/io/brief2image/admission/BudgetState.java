package io.brief2image.admission;

/**
 * Whether the daily budget (or, with {@link Pauses}, anything else) holds paid requests back: what
 * the health checks and the status page read.
 */
public interface BudgetState {

    boolean paused();

    /** Why consumption is paused, for people; empty when it is not. */
    String reason();

    double spentTodayUsd();
}
