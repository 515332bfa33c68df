package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.TextSpan;
import io.brief2image.guidelines.text.TextTidy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Studios and copyrighted characters are described by what they look like instead of named. A studio
 * named as a style loses the style word too ("Studio Ghibli style" becomes the description alone), so
 * the caption never refers to the studio's style.
 */
final class ProtectedWorkRule implements TextRule {
    private final WorldIndex world;
    private final Pattern franchiseLink;
    private final NameContext context;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    ProtectedWorkRule(WorldIndex world, NameContext context, List<String> franchiseLinks, QuotedTextGuard guard,
                      TextEditor editor) {
        this.world = world;
        this.franchiseLink = Pattern.compile("\\s+" + PhrasePattern.alternation(franchiseLinks) + "\\s+(?:the\\s+)?",
                PhrasePattern.FLAGS);
        this.context = context;
        this.guard = guard;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> untouchable = world.untouchable(text, guard.protectedSpans(text));
        List<TextEdit> edits = new ArrayList<>();
        for (NameMatch<ProtectedWork> match : world.works().findAllOutside(text, untouchable, m -> isMeant(text, m)
                && !world.insideLongerName(text, m, WorldIndex.Kind.WORK))) {
            int end = match.owner().studio() ? context.endOfStyleSuffix(text, match.end())
                    : endOfFranchise(text, match);
            String replacement = TextTidy.spacedFromNeighbours(text, match.start(), end,
                    Casing.forPosition(text, match.start(), match.owner().description()));
            edits.add(new TextEdit(match.start(), end, replacement));
            actions.add(new PolicyAction(Rules.STUDIOS_AND_CHARACTERS, "described",
                    "'" + text.substring(match.start(), end) + "' → '" + replacement.strip() + "'"));
        }
        return editor.apply(text, edits);
    }

    /** "Elsa from Frozen": the franchise named right after a character goes with it. */
    private int endOfFranchise(String text, NameMatch<ProtectedWork> match) {
        Pattern franchise = world.franchiseOf(match.owner());
        if (franchise == null) {
            return match.end();
        }
        Matcher link = franchiseLink.matcher(text).region(match.end(), text.length());
        if (!link.lookingAt()) {
            return match.end();
        }
        Matcher named = franchise.matcher(text).region(link.end(), text.length());
        return named.lookingAt() ? named.end() : match.end();
    }

    private boolean isMeant(String text, NameMatch<ProtectedWork> match) {
        if (match.owner().studio()) {
            return context.isStyleReference(text, match);
        }
        return NameContext.namesFranchise(text, match, world.franchiseOf(match.owner()));
    }
}
