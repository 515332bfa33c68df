package io.brief2image.store;

import java.util.HashMap;
import java.util.Map;

/** {@link PaceSlots} of one process, in memory: for a provider gate that shares its pace with nobody (tests, tools). */
public final class LocalPaceSlots implements PaceSlots {

    private final Map<String, Long> next = new HashMap<>();

    @Override
    public synchronized long claim(String name, long intervalMicros, long nowMicros) {
        long slot = Math.max(next.getOrDefault(name, 0L), nowMicros);
        next.put(name, slot + intervalMicros);
        return slot;
    }

    @Override
    public synchronized void notBefore(String name, long atMicros) {
        next.merge(name, atMicros, Math::max);
    }
}
