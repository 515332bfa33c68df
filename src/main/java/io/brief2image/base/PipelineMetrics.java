package io.brief2image.base;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** The pipeline's own metrics, named brief2image_* in Prometheus. */
public final class PipelineMetrics {

    private final MeterRegistry registry;
    private final DoubleAdder spend = new DoubleAdder();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong images = new AtomicLong();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("brief2image_spend_usd", spend, DoubleAdder::sum);
    }

    public static PipelineMetrics standalone() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void rateLimitWait(Duration waited) {
        if (waited.toMillis() > 1) {
            Timer.builder("brief2image_rate_limit_wait").description("time image requests waited for a slot or the pace")
                    .register(registry).record(waited);
        }
    }

    public void providerLatency(String call, String outcome, Duration latency) {
        Timer.builder("brief2image_provider_request").description("provider request latency")
                .tags("call", call, "outcome", outcome).publishPercentileHistogram()
                .register(registry).record(latency);
    }

    public void retried(String cause) {
        Counter.builder("brief2image_retries").description("provider requests retried").tag("cause", cause)
                .register(registry).increment();
    }

    public void imageRendered(String model, String provider, double costUsd) {
        images.incrementAndGet();
        Counter.builder("brief2image_images").description("images written to the outbox")
                .tags("model", model, "provider", provider).register(registry).increment();
        spend.add(costUsd);
    }

    public void briefOutcome(String outcome, String stage) {
        (outcome.equals("done") ? done : failed).incrementAndGet();
        Counter.builder("brief2image_briefs").description("briefs finished, by outcome and failing stage")
                .tags("outcome", outcome, "reason", stage == null ? "none" : stage).register(registry).increment();
    }

    /** A brief validated, by its priority (now or batch). */
    public void briefPriority(String priority) {
        Counter.builder("brief2image_briefs_by_priority").description("briefs validated, by priority (now or batch)")
                .tag("priority", priority).register(registry).increment();
    }

    public long briefsDone() {
        return done.get();
    }

    public long briefsFailed() {
        return failed.get();
    }

    public long imagesRendered() {
        return images.get();
    }

    public double spendUsd() {
        return spend.sum();
    }
}
