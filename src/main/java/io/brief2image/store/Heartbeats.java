package io.brief2image.store;

import java.time.Duration;
import java.util.List;

/** Each instance says it is alive every few seconds; the fleet is the instances heard from lately. */
public interface Heartbeats {

    /** @param info what the instance tells the others (version, host, HTTP port), free text */
    record Beat(String instance, String info, long startedAt, long beatAt) {
    }

    void beat(String instance, String info);

    /** Instances that beat within {@code within}; answers at once (throws {@link StoreUnavailable} during an outage). */
    List<Beat> alive(Duration within);
}
