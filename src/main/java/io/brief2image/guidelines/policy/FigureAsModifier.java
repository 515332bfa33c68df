package io.brief2image.guidelines.policy;

import java.util.List;

/**
 * How a name that modifies the next noun is rewritten ("the Trump Tower", "a Taylor Swift concert"):
 * a plain description there reads badly ("the tall man Tower"). Applies to the default language only,
 * because the templates are written in it.
 *
 * @param ownedNouns      things a person has or does: "{role}'s {noun}" ("a pop star's concert")
 * @param depictedNouns   things that show a person: "{noun} of {description}" ("a statue of a tall man")
 */
public record FigureAsModifier(String ownedTemplate, String depictedTemplate,
                               List<String> ownedNouns, List<String> depictedNouns) {
    public FigureAsModifier {
        ownedNouns = ownedNouns == null ? List.of() : List.copyOf(ownedNouns);
        depictedNouns = depictedNouns == null ? List.of() : List.copyOf(depictedNouns);
    }
}
