package io.brief2image.store;

/**
 * The provider's start slots for the whole fleet: every request claims its slot from one shared row,
 * so N instances together start no more requests per minute than one would. Times are epoch µs.
 */
public interface PaceSlots {

    /** Claims the next start slot, {@code intervalMicros} after the one before (or now, when that has passed); returns its start. */
    long claim(String name, long intervalMicros, long nowMicros);

    /** No slot of {@code name} starts before {@code atMicros} (a request went out late: the next one keeps its distance). */
    void notBefore(String name, long atMicros);

    /** Slots of {@code name} the whole fleet claimed that start in [{@code fromMicros}, {@code toMicros}]: its measured pace. */
    int claimedBetween(String name, long fromMicros, long toMicros);
}
