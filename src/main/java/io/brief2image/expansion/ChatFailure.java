package io.brief2image.expansion;

import java.time.Duration;

/** One chat call that gave nothing usable; {@code retryable} when asking again may help. */
final class ChatFailure extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    ChatFailure(String reason, boolean retryable, Duration retryAfter) {
        super(reason, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static ChatFailure retryable(String reason) {
        return new ChatFailure(reason, true, null);
    }

    static ChatFailure permanent(String reason) {
        return new ChatFailure(reason, false, null);
    }

    boolean retryable() {
        return retryable;
    }

    /** The server's Retry-After, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
