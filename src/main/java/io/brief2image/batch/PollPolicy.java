package io.brief2image.batch;

import java.time.Duration;

/**
 * How often a pending batch is asked about: first after {@code first}, each wait {@code factor} times
 * the last, never more than {@code max}; after {@code giveUpAfter} without an end the poller stops
 * (OpenAI ends a batch by 24 h, expired if need be, so this is a safety net, not a deadline).
 */
public record PollPolicy(Duration first, Duration max, double factor, Duration giveUpAfter) {

    /** For OpenAI: batches take minutes to hours. */
    public static final PollPolicy OPENAI = new PollPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 1.5, Duration.ofHours(25));

    public PollPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || factor < 1) {
            throw new IllegalArgumentException("poll policy needs 0 < first <= max and factor >= 1");
        }
    }

    /** The wait before poll number {@code poll} (1 = the first poll after creation). */
    public Duration delayBefore(int poll) {
        double millis = first.toMillis() * Math.pow(factor, Math.max(0, poll - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
