package io.brief2image.app;

import io.brief2image.store.SharedStore;
import java.util.function.IntSupplier;
import org.apache.camel.support.service.ServiceSupport;

/** Waits for the store before the routes start, beats while the context runs, and closes the store after the routes. */
final class StoreService extends ServiceSupport {
    private final SharedStore store;
    private final String info;
    private final IntSupplier inFlight;

    StoreService(SharedStore store, String info, IntSupplier inFlight) {
        this.store = store;
        this.info = info;
        this.inFlight = inFlight;
    }

    @Override
    protected void doStart() {
        store.awaitOpen();
        // the briefs this instance is making now (the produce route's exchanges), told to the fleet with each beat
        store.startHeartbeat(info, () -> inFlight.getAsInt());
    }

    @Override
    protected void doStop() {
        store.close();
    }
}
