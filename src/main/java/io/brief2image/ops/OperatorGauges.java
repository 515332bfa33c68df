package io.brief2image.ops;

import io.brief2image.base.Queues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/** The gauges read at scrape time: queue depths, provider requests in flight, dead letters waiting. */
public final class OperatorGauges {

    private OperatorGauges() {
    }

    public static void register(MeterRegistry registry, QueueDepth queues, IntSupplier inFlight, DeadLetterFolder deadLetters) {
        for (String queue : new String[] {Queues.BRIEFS, Queues.BRIEFS_DLQ}) {
            Gauge.builder("brief2image_queue_depth", queues, q -> unknownAsNaN(q.of(queue)))
                    .description("messages waiting on a queue").tag("queue", queue).register(registry);
        }
        Gauge.builder("brief2image_in_flight", inFlight, IntSupplier::getAsInt)
                .description("image requests at the provider right now").register(registry);
        Gauge.builder("brief2image_dead_letters", deadLetters, d -> unknownAsNaN(d.count()))
                .description("dead letters waiting in the failed folder").register(registry);
    }

    /** -1 means "could not be asked"; Prometheus shows that honestly as NaN, not as a depth. */
    private static double unknownAsNaN(long value) {
        return value < 0 ? Double.NaN : value;
    }
}
