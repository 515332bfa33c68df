package io.brief2image.cli;

import java.util.Locale;

/**
 * Settings for the commands that run without Camel (lint, submit, replay): a {@code -Dbrief2image.KEY}
 * system property (as the service also honours), then the environment, then the default.
 */
final class CommandSettings {

    private CommandSettings() {
    }

    static String get(String key, String fallback) {
        String property = System.getProperty("brief2image." + key);
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String value = env("BRIEF2IMAGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return value.isBlank() ? fallback : value;
    }

    static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
