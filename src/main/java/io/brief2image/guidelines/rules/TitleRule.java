package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;
import io.brief2image.guidelines.text.TitlePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Titles of office point at real people; they become generic roles ("president" -> "politician"). */
final class TitleRule implements TextRule {
    private final TitlePattern titles;
    private final Pattern exceptions;
    private final QuotedTextGuard guard;
    private final TextEditor editor;
    private final WorldIndex world;

    /** {@code world} knows names with a title word in them ("Diana Prince", "Queen Elsa"): those are left to their rule. */
    TitleRule(TitlePattern titles, List<String> exceptions, QuotedTextGuard guard, TextEditor editor, WorldIndex world) {
        this.titles = titles;
        this.world = world;
        this.exceptions = PhrasePattern.anyOf(exceptions);
        this.guard = guard;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> untouchable = new ArrayList<>(world.untouchable(text, guard.protectedSpans(text)));
        untouchable.addAll(world.worksAndArtists(text));
        Matcher ex = exceptions.matcher(text);
        while (ex.find()) {
            untouchable.add(new TextSpan(ex.start(), ex.end()));
        }
        List<TextEdit> edits = new ArrayList<>();
        Matcher m = titles.matcher(text);
        while (m.find()) {
            if (TextSpan.anyOverlaps(untouchable, m.start(), m.end())) {
                continue;
            }
            String replacement = Casing.forReplacedWord(text, m.start(), m.group(), titles.genericFor(m.group()));
            edits.add(new TextEdit(m.start(), m.end(), replacement));
            actions.add(new PolicyAction(Rules.TITLES, "generalised", "'" + m.group() + "' → '" + replacement + "'"));
        }
        return editor.apply(text, edits);
    }
}
