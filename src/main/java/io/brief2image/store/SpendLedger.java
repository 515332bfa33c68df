package io.brief2image.store;

import java.time.LocalDate;

/**
 * One day's spend for the whole fleet, in nano-dollars: settled costs plus what is reserved for
 * requests under way. A reservation is one conditional UPDATE, so concurrent reservations of any
 * number of instances never together pass the limit.
 */
public interface SpendLedger {

    /** No limit stored for the day: the instances' daily-budget-usd setting counts. */
    long NO_LIMIT_SET = -1;

    /** @param limitNanos the day's limit set for the whole fleet at run time, or {@link #NO_LIMIT_SET} (each instance's setting counts) */
    record DaySpend(long spentNanos, long reservedNanos, long limitNanos) {

        public DaySpend(long spentNanos, long reservedNanos) {
            this(spentNanos, reservedNanos, NO_LIMIT_SET);
        }

        public boolean limitSet() {
            return limitNanos != NO_LIMIT_SET;
        }

        public long totalNanos() {
            return spentNanos + reservedNanos;
        }
    }

    /**
     * Reserves {@code nanos} on {@code day} when spent + reserved + nanos stays within the day's stored
     * limit ({@link #setLimit}), or {@code limitNanos} (this instance's setting) while none is stored.
     */
    boolean reserve(LocalDate day, long nanos, long limitNanos);

    /** The day's limit for every instance on this store from now on (a raise on one instance reaches them all). */
    void setLimit(LocalDate day, long limitNanos);

    /**
     * What settling or releasing a reservation adds to {@code day}'s figures, for a caller that does it in
     * the same transaction as the outcome it follows from ({@link BatchRecords#lineOutcome(String, String, String, DayChange)}).
     */
    record DayChange(LocalDate day, long spentNanos, long reservedNanos) {
    }

    /** A reservation becomes the actual cost. */
    void settle(LocalDate day, long reservedNanos, long actualNanos);

    /** A reservation is given back: nothing was paid. */
    void release(LocalDate day, long reservedNanos);

    /** A cost learnt afterwards, with no reservation before it. */
    void addSpent(LocalDate day, long nanos);

    /** The day's figures; answers at once (throws {@link StoreUnavailable} during an outage). */
    DaySpend day(LocalDate day);
}
