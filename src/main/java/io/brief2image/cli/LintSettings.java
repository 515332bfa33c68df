package io.brief2image.cli;

import java.util.Locale;

/** Settings for the commands that run without Camel (lint, submit, replay): environment, then default. */
final class LintSettings {

    private LintSettings() {
    }

    static String get(String key, String fallback) {
        String value = env("BRIEF2IMAGE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return value.isBlank() ? fallback : value;
    }

    static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
