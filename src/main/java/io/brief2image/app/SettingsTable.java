package io.brief2image.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of brief2image's settings: application.properties, where every {@code brief2image.*}
 * key has a {@code # [type] description} line just above it. The loader ({@link SettingValues}),
 * {@code --help} and the README's table all come from here, so none of them can drift.
 */
public final class SettingsTable {

    static final String PREFIX = "brief2image.";
    private static final String RESOURCE = "application.properties";
    private static final Pattern DESCRIPTOR = Pattern.compile("#\\s*\\[([^\\]]+)]\\s*(.+)");
    /** {@code {{env:NAME:default}}}: the default is the variable NAME when it is set (OPENAI_API_KEY, OPENAI_BASE_URL). */
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+):(.*)}}");

    /**
     * One setting.
     *
     * @param key          the full key, {@code brief2image.…}
     * @param env          its environment variable, {@code BRIEF2IMAGE_…}
     * @param alias        the other variable that gives the default, or empty (e.g. OPENAI_API_KEY)
     * @param defaultValue the default when neither variable, -D nor --set gives one
     * @param type         folder, text, secret, url, location, whole, number, or the values it takes (a|b|c)
     * @param description  one line, for --help and the README
     */
    public record Setting(String key, String env, String alias, String defaultValue, String type, String description) {

        /** The values a choice takes ({@code auto|gpt|rules}); empty for the other types. */
        public List<String> choices() {
            return type.contains("|") ? List.of(type.split("\\|")) : List.of();
        }

        /** The key without the prefix, as --set takes it. */
        public String name() {
            return key.substring(PREFIX.length());
        }
    }

    private static final String HELP_INDENT = "      ";
    private static final int HELP_WIDTH = 79;
    private static final SettingsTable PACKAGED = read();

    private final Map<String, Setting> settings;

    private SettingsTable(Map<String, Setting> settings) {
        this.settings = settings;
    }

    /** The table packaged with the application. */
    public static SettingsTable packaged() {
        return PACKAGED;
    }

    public List<Setting> all() {
        return List.copyOf(settings.values());
    }

    public Optional<Setting> find(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The environment variable Camel has always read for a key: upper case, '_' for '.' and '-'. */
    public static String envOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The settings part of --help: variable, default and [type], then the meaning indented below, within 80 columns. */
    public String help() {
        StringBuilder out = new StringBuilder();
        for (Setting s : settings.values()) {
            String env = s.alias().isEmpty() ? s.env() : s.alias() + " (or " + s.env() + ")";
            out.append(String.format("  %-44s %s [%s]%n", env, s.defaultValue().isEmpty() ? "(unset)" : s.defaultValue(), s.type()));
            StringBuilder line = new StringBuilder(HELP_INDENT);
            for (String word : s.description().split(" ")) {
                if (line.length() + word.length() >= HELP_WIDTH) {
                    out.append(line.toString().stripTrailing()).append(System.lineSeparator());
                    line = new StringBuilder(HELP_INDENT);
                }
                line.append(word).append(' ');
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static SettingsTable read() {
        try (InputStream in = SettingsTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static SettingsTable parse(List<String> lines) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        String previous = "";
        List<String> missing = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith(PREFIX) && line.contains("=")) {
                String key = line.substring(0, line.indexOf('=')).strip();
                String value = line.substring(line.indexOf('=') + 1).strip();
                Matcher descriptor = DESCRIPTOR.matcher(previous);
                if (!descriptor.matches()) {
                    missing.add(key);
                } else {
                    Matcher env = ENV_DEFAULT.matcher(value);
                    boolean aliased = env.matches();
                    settings.put(key, new Setting(key, envOf(key), aliased ? env.group(1) : "", aliased ? env.group(2) : value,
                            descriptor.group(1).strip(), descriptor.group(2).strip()));
                }
            }
            previous = line;
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": put a '# [type] what it means' line just above " + missing);
        }
        return new SettingsTable(settings);
    }
}
