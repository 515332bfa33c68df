package io.brief2image.guidelines;

import java.util.ArrayList;
import java.util.List;

/** Real people are never depicted by name; a neutral description keeps only gender and physique. */
final class PublicFigureRule implements TextRule {
    private final FuzzyNameMatcher<PublicFigure> matcher;
    private final TitlePattern titles;
    private final String descriptionTemplate;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    PublicFigureRule(GuidelinePolicy policy, TitlePattern titles, QuotedTextGuard guard, TextEditor editor) {
        this.matcher = new FuzzyNameMatcher<>(policy.fuzzyMatching());
        for (PublicFigure figure : policy.publicFigures()) {
            matcher.add(figure.name(), figure);
            figure.aliases().forEach(alias -> matcher.add(alias, figure));
        }
        this.titles = titles;
        this.descriptionTemplate = policy.publicFigureDescription();
        this.guard = guard;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> quoted = guard.protectedSpans(text);
        List<TextEdit> edits = new ArrayList<>();
        for (NameMatch<PublicFigure> match : matcher.findAll(text)) {
            if (TextSpan.anyOverlaps(quoted, match.start(), match.end())) {
                continue;
            }
            // "President Obama" -> one description, not "politician a tall, slim man"
            int start = titles.startOfTitleBefore(text, match.start());
            String original = text.substring(start, match.end());
            String replacement = Casing.forPosition(text, start, describe(match.owner()));
            edits.add(new TextEdit(start, match.end(), replacement));
            actions.add(new PolicyAction(Rules.PUBLIC_FIGURES, "replaced", "'" + original + "' → '" + replacement + "'"));
        }
        return editor.apply(text, edits);
    }

    private String describe(PublicFigure figure) {
        return descriptionTemplate.replace("{physique}", figure.physique()).replace("{gender}", figure.gender());
    }
}
