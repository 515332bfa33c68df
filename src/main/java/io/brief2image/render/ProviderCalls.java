package io.brief2image.render;

import io.brief2image.base.ServiceStopping;
import io.brief2image.http.FaultClass;
import io.brief2image.http.ProviderHttpException;

import io.brief2image.base.BriefFailure;
import io.brief2image.base.PipelineMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one layer that decides about retries (HttpClient's own are off): transient faults are tried
 * again with exponential backoff and jitter, honouring Retry-After; permanent ones fail at once.
 */
public final class ProviderCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws IOException;
    }

    public record Attempted<T>(T value, int attempts, Duration latency) {
    }

    private final ProviderGate gate;
    private final int maxAttempts;
    private final long baseMillis;
    private final PipelineMetrics metrics;

    public ProviderCalls(ProviderGate gate, int maxAttempts, long baseMillis, PipelineMetrics metrics) {
        this.gate = gate;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.baseMillis = Math.max(1, baseMillis);
        this.metrics = metrics;
    }

    public <T> Attempted<T> call(String what, int images, Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            long started = System.nanoTime();
            try {
                metrics.rateLimitWait(gate.enter(images).waited());
                started = System.nanoTime();
                T value;
                try {
                    value = attempt.run();
                } finally {
                    gate.leave();
                }
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                metrics.providerLatency(what, "ok", latency);
                return new Attempted<>(value, n, latency);
            } catch (InterruptedException e) {
                // only a stopping service interrupts a consumer: not the brief's fault, it is made again later
                Thread.currentThread().interrupt();
                throw new ServiceStopping("the image was being made");
            } catch (ServiceStopping e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                metrics.providerLatency(what, "error", Duration.ofNanos(System.nanoTime() - started));
                FaultClass fault = FaultClass.of(e);
                ProviderHttpException http = e instanceof ProviderHttpException h ? h : null;
                Integer status = http == null ? null : http.status();
                String providerError = http == null ? null : http.code() == null ? http.providerMessage() : http.code() + ": " + http.providerMessage();
                if (!fault.transientFault()) {
                    throw new BriefFailure("render", fault.reason(), fault.detail(), status, providerError, n, null);
                }
                if (n >= maxAttempts) {
                    throw new BriefFailure("render", fault.gaveUp(n), fault.detail(), status, providerError, n, null);
                }
                Duration delay = delayBefore(n + 1, http == null ? null : http.retryAfter());
                if (status != null && status == 429) {
                    gate.pause(delay);
                }
                metrics.retried(status == null ? "io" : String.valueOf(status));
                LOG.info("{}: attempt {} of {} failed ({}: {}); retrying in {} ms", what, n, maxAttempts, fault.what(), fault.detail(), delay.toMillis());
                sleep(delay, n);
            }
        }
    }

    /** Exponential backoff with full jitter; the provider's Retry-After wins when it says more. */
    public Duration delayBefore(int nextAttempt, Duration retryAfter) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, baseMillis << Math.min(20, nextAttempt - 2));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        if (retryAfter != null && retryAfter.toMillis() > jittered) {
            return retryAfter;
        }
        return Duration.ofMillis(jittered);
    }

    private static void sleep(Duration delay, int attempts) {
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStopping("it was waiting to retry");
        }
    }
}
