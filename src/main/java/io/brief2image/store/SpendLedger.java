package io.brief2image.store;

import java.time.LocalDate;

/**
 * One day's spend for the whole fleet, in nano-dollars: settled costs plus what is reserved for
 * requests under way. A reservation is one conditional UPDATE, so concurrent reservations of any
 * number of instances never together pass the limit.
 */
public interface SpendLedger {

    record DaySpend(long spentNanos, long reservedNanos) {

        public long totalNanos() {
            return spentNanos + reservedNanos;
        }
    }

    /** Reserves {@code nanos} on {@code day} when spent + reserved + nanos stays within {@code limitNanos}. */
    boolean reserve(LocalDate day, long nanos, long limitNanos);

    /** A reservation becomes the actual cost. */
    void settle(LocalDate day, long reservedNanos, long actualNanos);

    /** A reservation is given back: nothing was paid. */
    void release(LocalDate day, long reservedNanos);

    /** A cost learnt afterwards, with no reservation before it. */
    void addSpent(LocalDate day, long nanos);

    /** The day's figures; answers at once (throws {@link StoreUnavailable} during an outage). */
    DaySpend day(LocalDate day);
}
