package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy.Artist;
import io.brief2image.guidelines.policy.GuidelinePolicy.ArtistPhrasing;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.FuzzyNameMatcher;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recent artists are named by style, not by name: three adjectives, the movement, the medium.
 * Whether an artist is recent depends on today's date, so the cut-off is computed on every call.
 */
final class ArtistRule implements TextRule {
    private final FuzzyNameMatcher<Artist> matcher;
    private final ArtistPhrasing phrasing;
    private final Pattern leadBeforeName;
    private final int cutoffYears;
    private final Clock clock;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    ArtistRule(GuidelinePolicy policy, Clock clock, QuotedTextGuard guard, TextEditor editor) {
        this.matcher = FuzzyNameMatcher.of(policy.fuzzyMatching(), policy.artists(), Artist::name, Artist::aliases);
        this.phrasing = policy.artistPhrasing();
        this.leadBeforeName = Pattern.compile(PhrasePattern.alternation(phrasing.leadPhrases()) + "\\s+$", PhrasePattern.FLAGS);
        this.cutoffYears = policy.artistCutoffYears();
        this.clock = clock;
        this.guard = guard;
        this.editor = editor;
    }

    int cutoffYear() {
        return LocalDate.now(clock).getYear() - cutoffYears;
    }

    boolean isProtected(Artist artist) {
        return artist.lastWorkYear() >= cutoffYear();
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> quoted = guard.protectedSpans(text);
        List<TextEdit> edits = new ArrayList<>();
        for (NameMatch<Artist> match : matcher.findAllOutside(text, quoted)) {
            if (!isProtected(match.owner())) {
                continue;
            }
            Matcher lead = leadBeforeName.matcher(text.substring(0, match.start()));
            boolean hasLead = lead.find();
            int start = hasLead ? lead.start() : match.start();
            String template = hasLead ? phrasing.styledTemplate() : phrasing.bareTemplate();
            String replacement = editor.fixArticlesWithin(template.replace("{style}", match.owner().style()));
            replacement = Casing.forPosition(text, start, replacement);
            edits.add(new TextEdit(start, match.end(), replacement));
            actions.add(new PolicyAction(Rules.ARTISTS, "replaced",
                    "'" + text.substring(start, match.end()) + "' → '" + replacement + "'"));
        }
        return editor.apply(text, edits);
    }
}
