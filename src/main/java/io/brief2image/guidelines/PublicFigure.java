package io.brief2image.guidelines;

import java.util.List;

/** A real person who must not be drawn; only gender and physique may be kept. */
public record PublicFigure(String name, List<String> aliases, String gender, String physique) {
    public PublicFigure {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
