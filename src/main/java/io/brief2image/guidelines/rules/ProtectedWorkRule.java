package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.GuidelinePolicy.ProtectedWork;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.FuzzyNameMatcher;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;

import java.util.ArrayList;
import java.util.List;

/** Studios and copyrighted characters are described by what they look like instead of named. */
final class ProtectedWorkRule implements TextRule {
    private final FuzzyNameMatcher<ProtectedWork> matcher;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    ProtectedWorkRule(GuidelinePolicy policy, QuotedTextGuard guard, TextEditor editor) {
        this.matcher = FuzzyNameMatcher.of(policy.fuzzyMatching(), policy.studiosAndCharacters(), ProtectedWork::name, ProtectedWork::aliases);
        this.guard = guard;
        this.editor = editor;
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        List<TextSpan> quoted = guard.protectedSpans(text);
        List<TextEdit> edits = new ArrayList<>();
        for (NameMatch<ProtectedWork> match : matcher.findAllOutside(text, quoted)) {
            String replacement = Casing.forPosition(text, match.start(), match.owner().description());
            edits.add(new TextEdit(match.start(), match.end(), replacement));
            actions.add(new PolicyAction(Rules.STUDIOS_AND_CHARACTERS, "described",
                    "'" + text.substring(match.start(), match.end()) + "' → '" + replacement + "'"));
        }
        return editor.apply(text, edits);
    }
}
