package io.brief2image.guidelines.policy;

import java.util.List;

/** An artist whose style can be described in words instead of by name. */
public record Artist(String name, List<String> aliases, int lastWorkYear, List<String> adjectives,
                     String movement, String medium) {
    public Artist {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        adjectives = adjectives == null ? List.of() : List.copyOf(adjectives);
        if (adjectives.size() != 3) {
            throw new IllegalArgumentException("artist " + name + " needs exactly 3 adjectives, has " + adjectives);
        }
    }

    /** "bold, graphic, repetitive pop-art silkscreen" */
    public String style() {
        return String.join(", ", adjectives) + " " + movement + " " + medium;
    }
}
