package io.brief2image.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The lowest level each logger logs, by logger name prefix: the longest prefix that is the name
 * or ends where a dot of the name follows wins; {@code root} is every other logger. A threshold is
 * an {@link org.slf4j.event.Level#toInt()} value; {@link #OFF} logs nothing.
 */
final class LogLevels {

    static final int OFF = Integer.MAX_VALUE;
    static final String ROOT = "root";
    static final String RESOURCE = "levels.properties";
    private static final Map<String, Integer> NAMES = Map.of("TRACE", 0, "DEBUG", 10, "INFO", 20, "WARN", 30, "ERROR", 40, "OFF", OFF);

    private final Map<String, Integer> thresholds;

    private LogLevels(Map<String, Integer> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    /** The shipped table, then {@code -Dbrief2image.log-levels}, then {@code BRIEF2IMAGE_LOG_LEVELS}; bad entries are named on {@code problems}. */
    static LogLevels of(String systemProperty, String environment, PrintStream problems) {
        Map<String, Integer> table = new HashMap<>();
        Properties file = new Properties();
        try (InputStream in = LogLevels.class.getResourceAsStream(RESOURCE)) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : file.stringPropertyNames()) {
            Integer level = NAMES.get(file.getProperty(name).trim().toUpperCase(Locale.ROOT));
            if (level == null) {
                throw new IllegalStateException(RESOURCE + ": " + name + " has no level of " + NAMES.keySet());
            }
            table.put(name, level);
        }
        override(table, "-Dbrief2image.log-levels", systemProperty, problems);
        override(table, "BRIEF2IMAGE_LOG_LEVELS", environment, problems);
        return new LogLevels(table);
    }

    /** Applies {@code name=LEVEL,name=LEVEL}; an entry that is not one is skipped with a sentence saying what to write. */
    private static void override(Map<String, Integer> table, String source, String entries, PrintStream problems) {
        if (entries == null || entries.isBlank()) {
            return;
        }
        for (String entry : entries.split(",")) {
            int eq = entry.indexOf('=');
            Integer level = eq < 0 ? null : NAMES.get(entry.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (level == null || name.isEmpty()) {
                problems.println(source + ": '" + entry.trim() + "' is not logger=LEVEL (a logger name or root, and one of "
                        + "TRACE, DEBUG, INFO, WARN, ERROR, OFF); it is ignored");
            } else {
                table.put(name, level);
            }
        }
    }

    /** The threshold of the logger called {@code name}. */
    int thresholdOf(String name) {
        for (String prefix = name; ; prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            Integer level = thresholds.get(prefix);
            if (level != null) {
                return level;
            }
            if (prefix.lastIndexOf('.') < 0) {
                return thresholds.getOrDefault(ROOT, 20);
            }
        }
    }
}
