package io.brief2image.ops.health;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * DOWN when briefs wait on queue briefs and none has been taken for a while although nothing is
 * being worked on and the budget allows work: the JMS consumers have lost the broker. Unlike the
 * other checks this one is also a liveness check, because a restart does cure it.
 */
public final class ConsumptionHealthCheck extends AbstractHealthCheck {

    /** What the check watches; each is read when the check is called. */
    public interface Signals {
        long waiting();

        int working();

        long finished();

        boolean paused();
    }

    private final Signals signals;
    private final Duration window;
    private final LongSupplier clockMillis;
    private long lastFinished = -1;
    private long lastMovementMillis;

    public ConsumptionHealthCheck(Signals signals, Duration window, LongSupplier clockMillis) {
        super("brief2image", "consumption");
        this.signals = signals;
        this.window = window;
        this.clockMillis = clockMillis;
        this.lastMovementMillis = clockMillis.getAsLong();
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = clockMillis.getAsLong();
        long waiting = signals.waiting();
        long finished = signals.finished();
        if (finished != lastFinished || waiting <= 0 || signals.working() > 0 || signals.paused()) {
            lastFinished = finished;
            lastMovementMillis = now;
        }
        long stalledSeconds = (now - lastMovementMillis) / 1000;
        builder.detail("waiting", waiting);
        if (now - lastMovementMillis >= window.toMillis()) {
            builder.message(waiting + " briefs wait on queue briefs and none has been taken for " + stalledSeconds
                    + " s although none is being made: the consumers have lost the broker; restart the service").down();
        } else {
            builder.message(waiting > 0 ? waiting + " briefs waiting, being taken" : "queue briefs is empty").up();
        }
    }
}
