package io.brief2image.expansion;

import io.brief2image.base.PolicyAction;
import io.brief2image.base.ResourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The seed policy's representation rule (people not otherwise specified get explicit, varied
 * descent and gender): {@code seed} gives the chat model that instruction (prompts/representation-seed.md)
 * and records it in the sidecar; {@code off} leaves people as the brief describes them. Only the
 * chat model applies it: rules captions keep the brief's own words.
 */
public enum Representation {
    OFF, SEED;

    public static final String RULE = "representation";
    private static final String INSTRUCTION = "classpath:prompts/representation-seed.md";

    /** @param setting {@code off} or {@code seed} (blank counts as seed, the default) */
    public static Representation resolve(String setting) {
        String value = setting == null || setting.isBlank() ? "seed" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "off" -> OFF;
            case "seed" -> SEED;
            default -> throw new IllegalArgumentException("setting brief2image.representation must be off or seed, got '" + setting + "'");
        };
    }

    /** What the chat model's system prompt gets appended, or null. */
    String instruction() {
        if (this == OFF) {
            return null;
        }
        try (InputStream in = ResourceLocation.open(INSTRUCTION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INSTRUCTION, e);
        }
    }

    /** The sidecar's record that the chat model was given the rule. */
    PolicyAction applied() {
        return new PolicyAction(RULE, "instructed", "the chat model was asked to give each person the brief does not otherwise "
                + "specify an explicit, varied descent and gender (\"various\" or \"diverse\" only for groups of more than 3; "
                + "memes, fictional characters and unseen people untouched)");
    }
}
