package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy.ArtistPhrasing;
import io.brief2image.guidelines.policy.WorldData.Artist;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;
import io.brief2image.guidelines.text.TextTidy;

import java.util.ArrayList;
import java.util.List;

/**
 * Recent artists are named by style, not by name: three adjectives, the movement, the medium. Artists
 * whose last work is older than the cut-off stay as written and are not recorded: the policy allows them.
 * Whether an artist is recent depends on today's date, so the cut-off is computed on every call.
 */
final class ArtistRule implements TextRule {
    private final WorldIndex world;
    private final NameContext context;
    private final ArtistPhrasing phrasing;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    ArtistRule(WorldIndex world, NameContext context, ArtistPhrasing phrasing, QuotedTextGuard guard, TextEditor editor) {
        this.world = world;
        this.context = context;
        this.phrasing = phrasing;
        this.guard = guard;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> untouchable = world.untouchable(text, guard.protectedSpans(text));
        List<TextEdit> edits = new ArrayList<>();
        // "in the style of Bacon" is the painter, "bacon and eggs" is not
        for (NameMatch<Artist> match : world.artists().findAllOutside(text, untouchable, m -> context.isStyleReference(text, m)
                && !world.insideLongerName(text, m, WorldIndex.Kind.ARTIST))) {
            if (!world.isRecent(match.owner())) {
                continue;
            }
            int leadStart = context.leadPhraseStart(text, match.start());
            boolean hasLead = leadStart >= 0;
            int start = hasLead ? leadStart : match.start();
            String template = hasLead ? phrasing.styledTemplate() : phrasing.bareTemplate();
            String replacement = editor.fixArticlesWithin(template.replace("{style}", match.owner().style()));
            replacement = TextTidy.spacedFromNeighbours(text, start, match.end(), Casing.forPosition(text, start, replacement));
            edits.add(new TextEdit(start, match.end(), replacement));
            actions.add(new PolicyAction(Rules.ARTISTS, "replaced",
                    "'" + text.substring(start, match.end()) + "' → '" + replacement.strip() + "'"));
        }
        return editor.apply(text, edits);
    }
}
