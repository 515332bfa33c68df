package io.brief2image.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The moderation reasons and category words of reasons.yaml ({@code moderation}). */
record ModerationWords(String flagged, String unavailable, Map<String, String> categories) {

    static ModerationWords bundled() {
        try (InputStream in = ModerationWords.class.getResourceAsStream("/reasons.yaml")) {
            JsonNode section = new YAMLMapper().readTree(in).path("moderation");
            Map<String, String> words = new LinkedHashMap<>();
            section.path("categories").fields().forEachRemaining(e -> words.put(e.getKey(), e.getValue().asText()));
            if (!section.path("flagged").isTextual() || !section.path("unavailable").isTextual() || words.isEmpty()) {
                throw new IllegalStateException("reasons.yaml: the moderation section needs flagged, unavailable and categories");
            }
            return new ModerationWords(section.path("flagged").asText(), section.path("unavailable").asText(), Map.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reasons.yaml", e);
        }
    }

    /** The dead letter's reason for these category ids, in the order given, each named once. */
    String flaggedReason(List<String> categoryIds) {
        List<String> named = List.copyOf(new LinkedHashSet<>(categoryIds.stream().map(this::words).toList()));
        return flagged.replace("{categories}", inWords(named));
    }

    String unavailableReason(String why) {
        return unavailable.replace("{why}", why);
    }

    /** "graphic violence", or for an id the table lacks, its parts as words ("new/kind-x" → "new kind x"). */
    String words(String categoryId) {
        String known = categories.get(categoryId);
        return known != null ? known : categoryId.replaceAll("[/_-]+", " ").strip();
    }

    private static String inWords(List<String> items) {
        if (items.isEmpty()) {
            return "content the moderation service does not allow";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
