package io.brief2image.offline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Queue of one-shot faults, consumed first-in first-out by matching requests. */
public final class FaultPlan {

    private final List<Fault> queued = new ArrayList<>();

    public synchronized FaultPlan next(Fault fault) {
        return next(fault, 1);
    }

    public synchronized FaultPlan next(Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        for (int i = 0; i < times; i++) {
            queued.add(fault);
        }
        return this;
    }

    public synchronized void clear() {
        queued.clear();
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(queued);
    }

    /** Removes and returns the oldest fault meant for {@code path}; later faults for other paths keep waiting. */
    synchronized Optional<Fault> take(String path) {
        Iterator<Fault> iterator = queued.iterator();
        while (iterator.hasNext()) {
            Fault fault = iterator.next();
            if (fault.appliesTo(path)) {
                iterator.remove();
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
