package io.brief2image.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE}, on the service and on every command, so each sees the settings the service sees. */
final class SettingOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting, e.g. --set concurrency=4 (brief2image. prefix optional).")
    List<String> pairs = new ArrayList<>();

    /** The pairs as full keys: brief2image.KEY, or camel.KEY as given. */
    static Map<String, String> keys(List<String> pairs) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(new CommandLine(new Brief2Image()), "--set needs KEY=VALUE, got '" + pair + "'");
            }
            String key = pair.substring(0, eq).trim();
            overrides.put(key.startsWith("brief2image.") || key.startsWith("camel.") ? key : "brief2image." + key, pair.substring(eq + 1));
        }
        return overrides;
    }
}
