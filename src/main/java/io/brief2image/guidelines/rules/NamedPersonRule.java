package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.Grammar;
import io.brief2image.guidelines.rules.LatinNames.Found;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.ParticleAgreement;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A person no list knows is still a person: the seed policy replaces names "even if you don't know who
 * the person is". Runs after the known-name rules; a name found by its shape (world/given-names.yaml and
 * world/name-cues.yaml) becomes "a woman", "a man" or "a person" in the brief's language. Text lettered
 * into the image and the places, brands and things of world/not-people.yaml stay.
 */
final class NamedPersonRule implements TextRule {
    private final Supplier<UnknownNames> names;
    private final Grammar grammar;
    private final TextEditor editor;

    NamedPersonRule(Supplier<UnknownNames> names, Grammar grammar, TextEditor editor) {
        this.names = names;
        this.grammar = grammar;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        UnknownNames known = names.get();
        List<TextSpan> keep = known.finder().protectedSpans(text);
        List<TextEdit> edits = new ArrayList<>();
        for (Found person : known.finder().people(text, keep)) {
            PersonDescriptions.Description d = known.descriptions().describe(text, person.start(), person.end(), person.gender());
            int start = person.start();
            int end = person.end();
            String replacement = d.text();
            String elided = known.descriptions().elided(d);
            if (elided != null) {
                // "de Marie Dupont" -> "d'une femme"
                start = text.lastIndexOf(d.wordBefore(), start);
                replacement = Casing.forPosition(text, start, elided) + replacement;
            } else if (d.language().equals("ko")) {
                ParticleAgreement.Fix particle = ParticleAgreement.fixAfter(text, end, replacement, grammar.language("ko").particles());
                if (particle != null) {
                    replacement = replacement + particle.particle();
                    end += particle.length();
                }
            } else {
                replacement = Casing.forPosition(text, start, replacement);
            }
            edits.add(new TextEdit(start, end, replacement, d.language()));
            actions.add(new PolicyAction(Rules.NAMED_PERSON, "replaced",
                    "'" + text.substring(person.start(), person.end()) + "' → '" + d.text() + "'"));
        }
        return editor.apply(text, edits);
    }
}
