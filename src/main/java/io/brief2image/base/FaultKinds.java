package io.brief2image.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Failures nobody described, in plain words: the {@code unexpected} table of reasons.yaml maps
 * kinds of exception to what went wrong and what to do. The exception text goes to the detail.
 */
public final class FaultKinds {

    private record Kind(String className, String messageContains, String says, String advice) {
    }

    private static final List<Kind> KINDS = load();

    private FaultKinds() {
    }

    /** "{@code lead}: what went wrong. What to do." for the first row that fits the cause chain. */
    public static String sentence(String lead, Throwable failure) {
        Kind kind = kindOf(failure);
        return lead + ": " + kind.says() + ". " + kind.advice();
    }

    static Kind kindOf(Throwable failure) {
        for (Kind kind : KINDS) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (isA(t.getClass(), kind.className()) && (kind.messageContains() == null
                        || t.getMessage() != null && t.getMessage().contains(kind.messageContains()))) {
                    return kind;
                }
            }
        }
        return KINDS.get(KINDS.size() - 1);
    }

    private static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static List<Kind> load() {
        try (InputStream in = FaultKinds.class.getResourceAsStream("/reasons.yaml")) {
            JsonNode rows = new YAMLMapper().readTree(in).path("unexpected");
            List<Kind> kinds = new ArrayList<>();
            for (JsonNode row : rows) {
                kinds.add(new Kind(row.path("kind").asText(), row.hasNonNull("message-contains") ? row.path("message-contains").asText() : null,
                        row.path("says").asText(), row.path("advice").asText()));
            }
            if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).className().equals("java.lang.Throwable")) {
                throw new IllegalStateException("reasons.yaml: the unexpected table must end with kind java.lang.Throwable");
            }
            return List.copyOf(kinds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reasons.yaml", e);
        }
    }
}
