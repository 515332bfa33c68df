package io.brief2image.expansion;

import java.util.Locale;

/** Who writes captions: the chat model or the rules. {@code auto} means the chat model when an API key is set. */
public enum ExpansionMode {
    GPT, RULES;

    /** @param setting {@code gpt}, {@code rules} or {@code auto} (blank counts as auto) */
    public static ExpansionMode resolve(String setting, boolean hasApiKey) {
        String value = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "gpt" -> GPT;
            case "rules" -> RULES;
            case "auto" -> hasApiKey ? GPT : RULES;
            default -> throw new IllegalArgumentException("setting brief2image.expansion must be gpt, rules or auto, got '" + setting + "'");
        };
    }
}
