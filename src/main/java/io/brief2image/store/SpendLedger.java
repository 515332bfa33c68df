package io.brief2image.store;

import java.time.LocalDate;

/**
 * One day's spend for the whole fleet, in micro-dollars: settled costs plus what is reserved for
 * requests under way. A reservation is one conditional UPDATE, so concurrent reservations of any
 * number of instances never together pass the limit.
 */
public interface SpendLedger {

    record DaySpend(long spentMicros, long reservedMicros) {

        public long totalMicros() {
            return spentMicros + reservedMicros;
        }
    }

    /** Reserves {@code micros} on {@code day} when spent + reserved + micros stays within {@code limitMicros}. */
    boolean reserve(LocalDate day, long micros, long limitMicros);

    /** A reservation becomes the actual cost. */
    void settle(LocalDate day, long reservedMicros, long actualMicros);

    /** A reservation is given back: nothing was paid. */
    void release(LocalDate day, long reservedMicros);

    /** A cost learnt afterwards, with no reservation before it. */
    void addSpent(LocalDate day, long micros);

    /** The day's figures; answers at once (throws {@link StoreUnavailable} during an outage). */
    DaySpend day(LocalDate day);
}
