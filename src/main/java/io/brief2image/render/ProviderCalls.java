package io.brief2image.render;

import io.brief2image.base.BriefFailure;
import io.brief2image.base.PipelineMetrics;
import io.brief2image.base.ServiceStopping;
import io.brief2image.http.FaultClass;
import io.brief2image.http.ProviderHttpException;
import io.brief2image.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image calls under the shared {@link RetryPolicy}: each attempt passes the provider gate (pacing
 * and concurrency) and is timed; a fault is classified by {@link FaultClass} and ends as a
 * {@link BriefFailure} with the sentence for the brief's writer. A 429 pauses the gate for all.
 */
public final class ProviderCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws IOException;
    }

    public record Attempted<T>(T value, int attempts, Duration latency) {
    }

    private final ProviderGate gate;
    private final RetryPolicy retries;
    private final PipelineMetrics metrics;

    public ProviderCalls(ProviderGate gate, RetryPolicy retries, PipelineMetrics metrics) {
        this.gate = gate;
        this.retries = retries;
        this.metrics = metrics;
    }

    public <T> Attempted<T> call(String what, int images, Attempt<T> attempt) {
        Duration[] latency = new Duration[1];
        RetryPolicy.Attempted<T> done = retries.run(() -> once(what, images, attempt, latency), new ImageCall(what));
        return new Attempted<>(done.value(), done.attempts(), latency[0]);
    }

    /** One attempt through the gate; {@code latency} gets the time the provider took when it answered. */
    private <T> T once(String what, int images, Attempt<T> attempt, Duration[] latency) throws IOException {
        try {
            metrics.rateLimitWait(gate.enter(images).waited());
        } catch (InterruptedException e) {
            // only a stopping service interrupts a consumer: not the brief's fault, it is made again later
            Thread.currentThread().interrupt();
            throw new ServiceStopping("the image was being made");
        }
        long started = System.nanoTime();
        try {
            T value;
            try {
                value = attempt.run();
            } finally {
                gate.leave();
            }
            latency[0] = Duration.ofNanos(System.nanoTime() - started);
            metrics.providerLatency(what, "ok", latency[0]);
            return value;
        } catch (ServiceStopping e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            metrics.providerLatency(what, "error", Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    /** What a failed image call means for the brief. */
    private final class ImageCall implements RetryPolicy.Caller<RuntimeException> {

        private final String what;

        ImageCall(String what) {
            this.what = what;
        }

        @Override
        public RetryPolicy.Verdict judge(Exception failure) {
            ProviderHttpException http = failure instanceof ProviderHttpException h ? h : null;
            return new RetryPolicy.Verdict(FaultClass.of(failure).transientFault(), http == null ? null : http.retryAfter());
        }

        @Override
        public RuntimeException failed(Exception failure, int attempts, boolean gaveUp) {
            FaultClass fault = FaultClass.of(failure);
            ProviderHttpException http = failure instanceof ProviderHttpException h ? h : null;
            Integer status = http == null ? null : http.status();
            String providerError = http == null ? null : http.code() == null ? http.providerMessage() : http.code() + ": " + http.providerMessage();
            return new BriefFailure("render", gaveUp ? fault.gaveUp(attempts) : fault.reason(), fault.detail(), status, providerError,
                    attempts, null);
        }

        @Override
        public void retrying(Exception failure, int attempt, Duration delay) {
            Integer status = failure instanceof ProviderHttpException http ? http.status() : null;
            if (status != null && status == 429) {
                gate.pause(delay);
            }
            metrics.retried(status == null ? "io" : String.valueOf(status));
            FaultClass fault = FaultClass.of(failure);
            LOG.info("{}: attempt {} of {} failed ({}: {}); retrying in {} ms", what, attempt, retries.maxAttempts(), fault.what(),
                    fault.detail(), delay.toMillis());
        }

        @Override
        public RuntimeException interrupted() {
            return new ServiceStopping("it was waiting to retry");
        }
    }
}
