package io.brief2image.ops.health;

import io.brief2image.store.Heartbeats;
import io.brief2image.store.SharedStore;
import io.brief2image.store.StoreUnavailable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP while the shared store answers, with the instances heard from within the claim lease; DOWN with
 * a plain reason while it does not (briefs then wait, held by the broker, until it is back).
 */
public final class StoreHealthCheck extends ReadinessCheck {

    private final Supplier<SharedStore> store;

    public StoreHealthCheck(Supplier<SharedStore> store) {
        super("store");
        this.store = store;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        SharedStore shared = store.get();
        builder.detail("store", shared.where());
        builder.detail("instance", shared.instance());
        Optional<String> down = shared.down();
        if (down.isPresent()) {
            builder.message(down.get()).down();
            return;
        }
        try {
            var alive = shared.heartbeats().alive(shared.lease());
            builder.detail("instances_alive", alive.size());
            builder.detail("instances", alive.stream().map(Heartbeats.Beat::instance).collect(Collectors.joining(", ")));
            builder.message((shared.embedded() ? "embedded store" : "shared store") + " answers; " + alive.size()
                    + " instance" + (alive.size() == 1 ? "" : "s") + " alive").up();
        } catch (StoreUnavailable e) {
            builder.message(e.getMessage()).down();
        }
    }
}
