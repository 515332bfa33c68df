package io.brief2image.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The settings table for --help, read from application.properties so it never drifts from the defaults. */
final class SettingsHelp {

    private SettingsHelp() {
    }

    static String table() {
        StringBuilder out = new StringBuilder();
        try (InputStream in = SettingsHelp.class.getClassLoader().getResourceAsStream("application.properties");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("brief2image.")) {
                    continue;
                }
                int eq = line.indexOf('=');
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1);
                String env = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                if (value.startsWith("{{env:")) {
                    String inner = value.substring(6, value.length() - 2);
                    int colon = inner.indexOf(':');
                    env = inner.substring(0, colon) + " (or " + env + ")";
                    value = inner.substring(colon + 1);
                }
                out.append(String.format("  %-34s %s%n", env, value.isEmpty() ? "(unset)" : value));
            }
        } catch (IOException | NullPointerException e) {
            out.append("  (settings table unavailable)\n");
        }
        return out.toString();
    }
}
