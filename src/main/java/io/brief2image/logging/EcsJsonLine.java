package io.brief2image.logging;

import java.util.Map;

/**
 * One ECS JSON object per line, with the fields and order of Log4j's {@code EcsLayout.json}:
 * {@code @timestamp} (UTC, milliseconds), {@code ecs.version}, {@code log.level}, {@code message},
 * {@code process.thread.name}, {@code log.logger}, the MDC's entries as fields of their own, and for
 * a throwable {@code error.type}, {@code error.message} (when it has one) and {@code error.stack_trace}.
 */
final class EcsJsonLine implements LineLayout {

    private static final String NEW_LINE = System.lineSeparator();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final TimeStamps time;

    EcsJsonLine(TimeStamps time) {
        this.time = time;
    }

    @Override
    public void append(StringBuilder line, LogEvent event) {
        line.append("{\"@timestamp\":\"");
        time.appendUtc(line, event.millis());
        line.append("\",\"ecs.version\":\"1.2.0\",\"log.level\":\"").append(event.level().name()).append('"');
        field(line, "message", event.message());
        field(line, "process.thread.name", event.thread());
        field(line, "log.logger", event.logger());
        Map<String, String> mdc = org.slf4j.MDC.getCopyOfContextMap();
        if (mdc != null) {
            mdc.forEach((key, value) -> field(line, key, value));
        }
        Throwable thrown = event.thrown();
        if (thrown != null) {
            field(line, "error.type", thrown.getClass().getName());
            if (thrown.getMessage() != null) {
                field(line, "error.message", thrown.getMessage());
            }
            field(line, "error.stack_trace", event.stackTrace());
        }
        line.append('}').append(NEW_LINE);
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(",\"");
        escape(line, name);
        line.append("\":\"");
        escape(line, value);
        line.append('"');
    }

    /** Appends {@code text} as the inside of a JSON string: quote, backslash and control characters escaped; null as "" (as Log4j did). */
    static void escape(StringBuilder line, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        line.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
    }
}
