package io.brief2image.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.event.Level;

/** One logging call, its message already formatted ({@code {}} filled in); {@code thrown} may be null. */
record LogEvent(long millis, Level level, String logger, String thread, String message, Throwable thrown) {

    /** The throwable's stack trace as {@link Throwable#printStackTrace()} writes it, causes and suppressed included. */
    String stackTrace() {
        StringWriter out = new StringWriter(1024);
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
