package io.brief2image.logging;

/**
 * The plain line, as Log4j's {@code %d{HH:mm:ss.SSS} %-5level %-24.24c{1} %msg%n} wrote it (the
 * logger's simple name padded to 24, its last 24 characters if longer), then a throwable's stack
 * trace; with {@code fullNames} (the log file) the whole logger name, unpadded.
 */
final class PlainLine implements LineLayout {

    static final int NAME_WIDTH = 24;
    private static final String NEW_LINE = System.lineSeparator();

    private final TimeStamps time;
    private final boolean fullNames;

    PlainLine(TimeStamps time, boolean fullNames) {
        this.time = time;
        this.fullNames = fullNames;
    }

    @Override
    public void append(StringBuilder line, LogEvent event) {
        time.appendLocal(line, event.millis());
        line.append(' ');
        String level = event.level().name();
        line.append(level);
        pad(line, 6 - level.length());
        if (fullNames) {
            line.append(event.logger()).append(' ');
        } else {
            String simple = event.logger().substring(event.logger().lastIndexOf('.') + 1);
            line.append(simple, Math.max(0, simple.length() - NAME_WIDTH), simple.length());
            pad(line, NAME_WIDTH + 1 - Math.min(NAME_WIDTH, simple.length()));
        }
        line.append(event.message()).append(NEW_LINE);
        if (event.thrown() != null) {
            line.append(event.stackTrace());
        }
    }

    private static void pad(StringBuilder line, int spaces) {
        for (int i = 0; i < spaces; i++) {
            line.append(' ');
        }
    }
}
