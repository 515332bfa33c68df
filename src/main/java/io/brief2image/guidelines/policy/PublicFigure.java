package io.brief2image.guidelines.policy;

import java.util.List;
import java.util.Map;

/**
 * A real person who must not be drawn; only gender and physique may be kept.
 *
 * @param role         what the person is known as ("politician"), for a name used as a modifier
 *                     ("the Obama administration" -> "the politician's administration")
 * @param descriptions the description in other languages, keyed by language code, or by
 *                     "code.case" where the language inflects ("de.dative")
 */
public record PublicFigure(String name, List<String> aliases, String gender, String physique, String role,
                           Map<String, String> descriptions) {
    public PublicFigure {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
    }
}
