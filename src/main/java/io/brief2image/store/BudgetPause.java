package io.brief2image.store;

import java.util.List;

/** Which instances wait for budget and why, so every instance's health and status page show the fleet's pause. */
public interface BudgetPause {

    record Paused(String instance, String reason, long since) {
    }

    void pause(String instance, String reason);

    void resume(String instance);

    /** The live instances (heartbeat within the lease) waiting now; answers at once (throws {@link StoreUnavailable} during an outage). */
    List<Paused> current();
}
