package io.brief2image.store;

import java.util.HashMap;
import java.util.Map;

/** {@link PaceSlots} of one process, in memory: for a provider gate that shares its pace with nobody (tests, tools). */
public final class LocalPaceSlots implements PaceSlots {

    /** Starts are kept five minutes, as in the shared store. */
    private static final long KEPT_MICROS = 5 * 60_000_000L;

    private final Map<String, Long> next = new HashMap<>();
    private final Map<String, java.util.ArrayDeque<Long>> starts = new HashMap<>();

    @Override
    public synchronized long claim(String name, long intervalMicros, long nowMicros) {
        long slot = Math.max(next.getOrDefault(name, 0L), nowMicros);
        next.put(name, slot + intervalMicros);
        java.util.ArrayDeque<Long> kept = starts.computeIfAbsent(name, n -> new java.util.ArrayDeque<>());
        kept.addLast(slot);
        while (!kept.isEmpty() && kept.peekFirst() < nowMicros - KEPT_MICROS) {
            kept.removeFirst();
        }
        return slot;
    }

    @Override
    public synchronized int claimedBetween(String name, long fromMicros, long toMicros) {
        return (int) starts.getOrDefault(name, new java.util.ArrayDeque<>()).stream().filter(at -> at >= fromMicros && at <= toMicros).count();
    }

    @Override
    public synchronized void notBefore(String name, long atMicros) {
        next.merge(name, atMicros, Math::max);
    }
}
