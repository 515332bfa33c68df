package io.brief2image.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger with a fixed threshold (from {@link LogLevels} when it is made): below it a call costs one
 * comparison; at or above it the message is formatted by SLF4J's own {@link MessageFormatter} (so
 * {@code {}}, its escapes and array arguments read as with any SLF4J backend; a last argument that
 * is a throwable is the event's throwable, AbstractLogger sees to that) and written.
 */
final class LineLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final int threshold;
    private final transient LogOutput output;

    LineLogger(String name, int threshold, LogOutput output) {
        this.name = name;
        this.threshold = threshold;
        this.output = output;
    }

    @Override
    public boolean isTraceEnabled() {
        return threshold <= Level.TRACE.toInt();
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold <= Level.DEBUG.toInt();
    }

    @Override
    public boolean isInfoEnabled() {
        return threshold <= Level.INFO.toInt();
    }

    @Override
    public boolean isWarnEnabled() {
        return threshold <= Level.WARN.toInt();
    }

    @Override
    public boolean isErrorEnabled() {
        return threshold <= Level.ERROR.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
        String message = arguments == null || arguments.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, arguments);
        output.write(new LogEvent(System.currentTimeMillis(), level, name, Thread.currentThread().getName(), message, thrown));
    }
}
