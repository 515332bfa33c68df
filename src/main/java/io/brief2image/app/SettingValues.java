package io.brief2image.app;

import io.brief2image.app.SettingsTable.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every setting's value, resolved once, for the service and every command alike. The order is the
 * one Camel's properties gave the service (environment-variable mode override): the variable
 * {@code BRIEF2IMAGE_…}, then {@code -Dbrief2image.…}, then {@code --set}, then the table's default
 * (which for the key and base URL is OPENAI_API_KEY / OPENAI_BASE_URL when set).
 */
public final class SettingValues {

    private final SettingsTable table;
    private final Map<String, String> values;
    private final Map<String, String> extra;

    private SettingValues(SettingsTable table, Map<String, String> values, Map<String, String> extra) {
        this.table = table;
        this.values = values;
        this.extra = extra;
    }

    /** From this process: its environment and system properties, and {@code set} (the --set pairs, full keys). */
    public static SettingValues ofProcess(Map<String, String> set) {
        return resolve(set, System.getProperties(), System.getenv());
    }

    public static SettingValues resolve(Map<String, String> set, Properties system, Map<String, String> env) {
        SettingsTable table = SettingsTable.packaged();
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting s : table.all()) {
            String value = env.get(s.env());
            if (value == null) {
                value = system.getProperty(s.key());
            }
            if (value == null) {
                value = set.get(s.key());
            }
            if (value == null) {
                value = s.alias().isEmpty() ? s.defaultValue() : env.getOrDefault(s.alias(), s.defaultValue());
            }
            values.put(s.key(), checked(s, value.strip()));
        }
        Map<String, String> extra = new LinkedHashMap<>(set);
        extra.keySet().removeAll(values.keySet());
        return new SettingValues(table, values, extra);
    }

    /** A bad value is named at start, with what the setting takes, before anything is built from it. */
    private static String checked(Setting s, String value) {
        if (value.isEmpty()) {
            return value;
        }
        String problem = switch (s.type()) {
            case "whole" -> value.matches("\\d+") ? null : "a whole number";
            case "number" -> value.matches("\\d+(\\.\\d*)?|\\.\\d+") ? null : "a number";
            default -> s.choices().isEmpty() || s.choices().contains(value.toLowerCase(Locale.ROOT)) ? null
                    : "one of " + String.join(", ", s.choices());
        };
        if (problem != null) {
            throw new IllegalArgumentException("setting " + s.key() + " (" + s.env() + ") must be " + problem + ", got '" + value + "'");
        }
        return value;
    }

    public String text(String name) {
        String key = SettingsTable.PREFIX + name;
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting " + key + " in the settings table");
        }
        return value;
    }

    /** A whole number; blank means the default. */
    public long whole(String name) {
        return Long.parseLong(orDefault(name));
    }

    public int count(String name) {
        return Math.toIntExact(whole(name));
    }

    public double number(String name) {
        return Double.parseDouble(orDefault(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(orDefault(name));
    }

    private String orDefault(String name) {
        String value = text(name);
        return value.isEmpty() ? table.find(SettingsTable.PREFIX + name).orElseThrow().defaultValue() : value;
    }

    /** Every brief2image.* value, for Camel's placeholders ({{brief2image.inbox}} in the routes). */
    public Map<String, String> asProperties() {
        return Map.copyOf(values);
    }

    /** The --set pairs that are not brief2image settings: camel.* keys, and any a user's own routes read. */
    public Map<String, String> extra() {
        return Map.copyOf(extra);
    }

    /** The extra brief2image.* keys: most likely a mistyped setting. */
    public List<String> unknown() {
        return extra.keySet().stream().filter(k -> k.startsWith(SettingsTable.PREFIX)).sorted().toList();
    }
}
