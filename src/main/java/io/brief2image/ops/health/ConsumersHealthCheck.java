package io.brief2image.ops.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Ready only when briefs can actually be taken: the JMS consumers of queue briefs are attached
 * (the listener container holds a consumer and, for the embedded broker, the broker counts it) and
 * the inbox route runs. A started context alone is not enough: the consumers attach a moment
 * later, and a brief dropped in between would wait. Also a liveness check: consumers that stay
 * detached for longer than the bound did not recover by themselves, and a restart cures that.
 */
public final class ConsumersHealthCheck extends AbstractHealthCheck {

    /** What the check looks at, read at every call. brokerConsumers is -1 when the broker cannot say. */
    public record State(boolean paused, boolean listenerAttached, long brokerConsumers, boolean inboxStarted) {
    }

    private final Supplier<State> state;
    private final Duration bound;
    private final LongSupplier clockMillis;
    private long lastAttachedMillis;

    public ConsumersHealthCheck(Supplier<State> state, Duration bound, LongSupplier clockMillis) {
        super("brief2image", "consumers");
        this.state = state;
        this.bound = bound;
        this.clockMillis = clockMillis;
        this.lastAttachedMillis = clockMillis.getAsLong();
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = clockMillis.getAsLong();
        State s = state.get();
        List<String> missing = new ArrayList<>();
        if (!s.paused() && (!s.listenerAttached() || s.brokerConsumers() == 0)) {
            missing.add("no JMS consumer is attached to queue briefs");
        }
        if (!s.inboxStarted()) {
            missing.add("the inbox route is not running");
        }
        if (s.brokerConsumers() >= 0) {
            builder.detail("broker_consumers", s.brokerConsumers());
        }
        if (missing.isEmpty()) {
            lastAttachedMillis = now;
            builder.message(s.paused() ? "consumption paused by the budget, inbox running"
                    : "consumers attached to queue briefs, inbox running").up();
            return;
        }
        long detachedSeconds = (now - lastAttachedMillis) / 1000;
        String what = String.join(" and ", missing);
        boolean liveness = options != null && options.get(HealthCheck.CHECK_KIND) == HealthCheck.Kind.LIVENESS;
        if (now - lastAttachedMillis >= bound.toMillis()) {
            builder.message(what + " for " + detachedSeconds + " s and it did not recover; restart the service").down();
        } else if (liveness) {
            builder.message(what + " (for " + detachedSeconds + " s, still within " + bound.toSeconds() + " s to recover)").up();
        } else {
            builder.message(what + " yet").down();
        }
    }
}
