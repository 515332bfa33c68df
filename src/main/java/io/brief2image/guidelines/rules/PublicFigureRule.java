package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.Grammar;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.Grammar.ParticlePair;
import io.brief2image.guidelines.policy.WorldData.PublicFigure;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.LanguageGuesser;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.ParticleAgreement;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;
import io.brief2image.guidelines.text.TextTidy;
import io.brief2image.guidelines.text.TitlePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real people are never depicted by name; a neutral description keeps only gender and physique. Names are
 * found in any script, glued to particles in Korean and Japanese ("오바마가"), and with case endings in Russian.
 */
final class PublicFigureRule implements TextRule {
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)\\s*$");

    private final WorldIndex world;
    private final NameContext context;
    private final TitlePattern titles;
    private final FigureDescriber describer;
    private final LanguageGuesser languages;
    private final Grammar grammar;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    PublicFigureRule(GuidelinePolicy policy, WorldIndex world, NameContext context, TitlePattern titles,
                     QuotedTextGuard guard, TextEditor editor) {
        this.world = world;
        this.context = context;
        this.titles = titles;
        this.describer = new FigureDescriber(policy.publicFigureDescription(), policy.publicFigureGroupDescription(),
                policy.publicFigureAsModifier(), policy.grammar());
        this.languages = new LanguageGuesser(policy.grammar());
        this.grammar = policy.grammar();
        this.guard = guard;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> untouchable = world.untouchable(text, guard.protectedSpans(text));
        List<TextEdit> edits = new ArrayList<>();
        // "Swift singing" is a person, "a swift bird" is not
        for (NameMatch<PublicFigure> match : world.figures().findAllOutside(text, untouchable, m -> context.isPerson(text, m)
                && !world.insideLongerName(text, m, WorldIndex.Kind.FIGURE))) {
            // "President Obama" -> one description, not "politician a tall, slim man"
            int start = titles.startOfTitleBefore(text, match.start());
            String language = languages.guess(text, match.start(), match.end());
            FigureDescriber.Rewrite rewrite = describer.rewrite(text, match, language, wordBefore(text, start));
            String replacement = Casing.forPosition(text, start, rewrite.text());
            int end = rewrite.end();
            if (rewrite.inDefaultLanguage()) {
                replacement = TextTidy.spacedFromNeighbours(text, start, end, replacement);
            } else {
                ParticleAgreement.Fix particle = ParticleAgreement.fixAfter(text, end, replacement, particles(language));
                if (particle != null) {
                    replacement = replacement + particle.particle();
                    end += particle.length();
                }
            }
            String original = text.substring(start, end);
            edits.add(new TextEdit(start, end, replacement, language));
            actions.add(new PolicyAction(Rules.PUBLIC_FIGURES, "replaced", "'" + original + "' → '" + replacement.strip() + "'"));
        }
        return editor.apply(text, edits);
    }

    private List<ParticlePair> particles(String language) {
        return grammar.language(language).particles();
    }

    private static String wordBefore(String text, int index) {
        Matcher m = LAST_WORD.matcher(text.substring(0, index));
        return m.find() ? m.group(1) : null;
    }

}
