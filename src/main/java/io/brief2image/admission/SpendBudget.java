package io.brief2image.admission;

import java.util.Optional;

/**
 * Today's spend against the daily limit, by reservation: a paid request reserves its estimated
 * cost before it is sent and settles it to the actual cost after the reply (or releases it when
 * nothing was paid). Reservations are atomic, so concurrent requests never together pass the limit.
 * {@link Budget} keeps it in the shared store, so a fleet on one database shares one budget.
 */
public interface SpendBudget {

    /** A cost held against one day's budget until it is settled or released. */
    record Reservation(String id, java.time.LocalDate day, double usd) {
    }

    /** Holds {@code usd} against today's budget if it fits under the limit; empty when it does not. */
    Optional<Reservation> tryReserve(double usd);

    /** The request was answered: its reservation becomes the actual cost. */
    void settle(Reservation reservation, double actualUsd);

    /** Nothing was paid for (the request failed before the provider did any work): the reservation is given back. */
    void release(Reservation reservation);

    /** Settled spend plus what is reserved for requests under way, today (UTC). */
    double spentTodayUsd();
}
