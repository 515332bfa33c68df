package io.brief2image.http;

import io.brief2image.base.ServiceStopping;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The one retry policy of provider calls, image and chat alike (HttpClient's own retries are
 * off): a transient fault is tried again after exponential backoff with full jitter, or after the
 * provider's Retry-After when it says more; a permanent one fails at once. Chat calls use the
 * same policy with fewer attempts and a cap on the wait ({@link #withAttempts}, {@link #withWaitCap}):
 * the rules are a good answer when the chat model keeps failing, so a brief does not wait long for it.
 */
public final class RetryPolicy {

    private static final long MAX_BACKOFF_MILLIS = 60_000;

    /** What one failed attempt means: worth another, and how long the provider asked to wait (or null). */
    public record Verdict(boolean transientFault, Duration retryAfter) {
    }

    /** A call's value and the attempts it took. */
    public record Attempted<T>(T value, int attempts) {
    }

    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** What one kind of call makes of its failures: the verdict, and what it throws in the end. */
    public interface Caller<X extends Exception> {

        /** The verdict on a failed attempt; null: not a fault of the call, passed on as it is. */
        Verdict judge(Exception failure);

        /** What is thrown for a permanent fault, or a transient one when the attempts ran out ({@code gaveUp}). */
        X failed(Exception failure, int attempts, boolean gaveUp);

        /** Told before the wait for another attempt (metrics, pacing, log). */
        default void retrying(Exception failure, int attempt, Duration delay) {
        }

        /** What is thrown when the thread is interrupted while it waits to retry. */
        X interrupted();
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final Duration waitCap;

    /** @param baseMillis the ceiling of the first backoff; it doubles with every attempt, up to a minute */
    public RetryPolicy(int maxAttempts, long baseMillis) {
        this(maxAttempts, baseMillis, null);
    }

    private RetryPolicy(int maxAttempts, long baseMillis, Duration waitCap) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.baseMillis = Math.max(1, baseMillis);
        this.waitCap = waitCap;
    }

    /** The same policy with another number of attempts. */
    public RetryPolicy withAttempts(int attempts) {
        return new RetryPolicy(attempts, baseMillis, waitCap);
    }

    /** The same policy waiting at most {@code cap} before an attempt, whatever Retry-After says. */
    public RetryPolicy withWaitCap(Duration cap) {
        return new RetryPolicy(maxAttempts, baseMillis, cap);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Runs {@code attempt} until it succeeds, its fault is permanent, or the attempts run out. */
    public <T, X extends Exception> Attempted<T> run(Attempt<T> attempt, Caller<X> caller) throws X {
        for (int n = 1; ; n++) {
            try {
                return new Attempted<>(attempt.run(), n);
            } catch (ServiceStopping e) {
                throw e;
            } catch (Exception e) {
                Verdict verdict = caller.judge(e);
                if (verdict == null) {
                    throw passedOn(e);
                }
                if (!verdict.transientFault() || n >= maxAttempts) {
                    throw caller.failed(e, n, verdict.transientFault());
                }
                Duration delay = delayBefore(n + 1, verdict.retryAfter());
                caller.retrying(e, n, delay);
                try {
                    TimeUnit.MILLISECONDS.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw caller.interrupted();
                }
            }
        }
    }

    /** Exponential backoff with full jitter; the provider's Retry-After wins when it says more, up to the cap. */
    public Duration delayBefore(int nextAttempt, Duration retryAfter) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, baseMillis << Math.min(20, nextAttempt - 2));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        Duration delay = retryAfter != null && retryAfter.toMillis() > jittered ? retryAfter : Duration.ofMillis(jittered);
        return waitCap != null && delay.compareTo(waitCap) > 0 ? waitCap : delay;
    }

    private static RuntimeException passedOn(Exception failure) {
        return failure instanceof RuntimeException runtime ? runtime : new UndeclaredThrowableException(failure);
    }
}
