package io.brief2image.store;

import java.time.Duration;
import java.util.List;

/** Each instance says it is alive every few seconds; the fleet is the instances heard from lately. */
public interface Heartbeats {

    /**
     * @param info what the instance tells the others (settings, version), free text
     * @param host the machine it runs on
     * @param inFlight image requests it had under way at its last beat
     */
    record Beat(String instance, String host, String info, int inFlight, long startedAt, long beatAt) {
    }

    /** One beat with nothing under way (a store test, a tool). */
    default void beat(String instance, String info) {
        beat(instance, "", info, 0);
    }

    void beat(String instance, String host, String info, int inFlight);

    /** Instances that beat within {@code within}; answers at once (throws {@link StoreUnavailable} during an outage). */
    List<Beat> alive(Duration within);
}
