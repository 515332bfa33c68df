package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.NegationPolicy;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEdit;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image models tend to draw what a prompt names, even after "no", so negations are said positively:
 * known phrases get their YAML wording, anything else becomes "free of X" with neighbours merged.
 */
final class NegationRule implements TextRule {
    private static final String WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*";

    private record KnownRewrite(Pattern pattern, String replacement) {
    }

    private record Clause(int start, int end, String negation, String object) {
    }

    private final List<KnownRewrite> known;
    private final Pattern generic;
    private final Pattern exceptions;
    private final Pattern listGap;
    private final Pattern lintCue;
    private final NegationPolicy rules;
    private final QuotedTextGuard guard;
    private final TextEditor editor;

    NegationRule(NegationPolicy rules, QuotedTextGuard guard, TextEditor editor) {
        this.rules = rules;
        this.guard = guard;
        this.editor = editor;
        String lead = "(?:(?<lead>" + PhrasePattern.alternation(rules.absorbedLeadWords()) + ")\\s+)?";
        this.known = rules.rewrites().stream()
                .map(r -> new KnownRewrite(Pattern.compile(lead + "(?<neg>" + PhrasePattern.alternation(r.phrases()) + ")",
                        PhrasePattern.FLAGS), r.replacement()))
                .toList();
        String notStop = "(?!" + PhrasePattern.alternation(rules.objectStopWords()) + ")";
        String object = notStop + WORD + "(?:\\s+" + notStop + WORD + "){0," + (rules.maxObjectWords() - 1) + "}";
        this.generic = Pattern.compile(lead + "(?<neg>" + PhrasePattern.alternation(rules.cues()) + "\\s+(?<obj>" + object + "))",
                PhrasePattern.FLAGS);
        this.exceptions = PhrasePattern.anyOf(rules.exceptions());
        // the cue with up to three following words, so a warning can quote it
        this.lintCue = rules.lintCues().isEmpty() ? null : Pattern.compile("(?<neg>" + PhrasePattern.alternation(rules.lintCues())
                + ")(?:\\s+" + WORD + "){0,3}", PhrasePattern.FLAGS);
        this.listGap = Pattern.compile("\\s*" + PhrasePattern.alternation(rules.listSeparators()) + "\\s*", PhrasePattern.FLAGS);
    }

    @Override
    public String apply(String text, List<PolicyAction> actions) {
        String result = text;
        for (KnownRewrite rewrite : known) {
            result = applyKnown(result, rewrite, actions);
        }
        return applyGeneric(result, actions);
    }

    /** The negations a text still contains, for lint warnings. */
    List<String> remaining(String text) {
        List<String> found = new ArrayList<>();
        List<TextSpan> quoted = guard.protectedSpans(text);
        List<TextSpan> knownSpans = new ArrayList<>();
        for (KnownRewrite rewrite : known) {
            Matcher m = rewrite.pattern().matcher(text);
            while (m.find()) {
                if (!TextSpan.anyOverlaps(quoted, m.start(), m.end()) && !TextSpan.anyOverlaps(knownSpans, m.start(), m.end())) {
                    knownSpans.add(new TextSpan(m.start(), m.end()));
                    found.add(m.group("neg"));
                }
            }
        }
        genericClauses(text).stream()
                .filter(c -> !TextSpan.anyOverlaps(knownSpans, c.start(), c.end()))
                .forEach(c -> found.add(c.negation()));
        return found;
    }

    /** Negating words no rewrite handles, outside quoted text, each with the words after it. */
    List<String> unhandled(String text) {
        List<String> found = new ArrayList<>();
        if (lintCue == null) {
            return found;
        }
        List<TextSpan> skip = new ArrayList<>(guard.protectedSpans(text));
        Matcher ex = exceptions.matcher(text);
        while (ex.find()) {
            skip.add(new TextSpan(ex.start(), ex.end()));
        }
        Matcher m = lintCue.matcher(text);
        int from = 0;
        while (m.find(from)) {
            if (!TextSpan.anyOverlaps(skip, m.start("neg"), m.end("neg"))) {
                found.add(m.group());
            }
            from = m.end("neg");
        }
        return found;
    }

    private String applyKnown(String text, KnownRewrite rewrite, List<PolicyAction> actions) {
        List<TextSpan> quoted = guard.protectedSpans(text);
        List<TextEdit> edits = new ArrayList<>();
        Matcher m = rewrite.pattern().matcher(text);
        while (m.find()) {
            if (TextSpan.anyOverlaps(quoted, m.start(), m.end())) {
                continue;
            }
            String replacement = Casing.forPosition(text, m.start(), rewrite.replacement());
            edits.add(new TextEdit(m.start(), m.end(), replacement));
            actions.add(new PolicyAction(Rules.NEGATIONS, "rephrased", "'" + m.group() + "' → '" + replacement + "'"));
        }
        return editor.apply(text, edits);
    }

    private String applyGeneric(String text, List<PolicyAction> actions) {
        List<TextEdit> edits = new ArrayList<>();
        for (List<Clause> list : mergeLists(text, genericClauses(text))) {
            int start = list.get(0).start();
            int end = list.get(list.size() - 1).end();
            String things = joinObjects(list.stream().map(Clause::object).toList());
            String replacement = Casing.forPosition(text, start, rules.genericTemplate().replace("{things}", things));
            edits.add(new TextEdit(start, end, replacement));
            actions.add(new PolicyAction(Rules.NEGATIONS, "rephrased",
                    "'" + text.substring(start, end) + "' → '" + replacement + "'"));
        }
        return editor.apply(text, edits);
    }

    private List<Clause> genericClauses(String text) {
        List<TextSpan> skip = new ArrayList<>(guard.protectedSpans(text));
        Matcher ex = exceptions.matcher(text);
        while (ex.find()) {
            skip.add(new TextSpan(ex.start(), ex.end()));
        }
        List<Clause> clauses = new ArrayList<>();
        Matcher m = generic.matcher(text);
        while (m.find()) {
            if (!TextSpan.anyOverlaps(skip, m.start("neg"), m.end())) {
                clauses.add(new Clause(m.start(), m.end(), m.group("neg"), m.group("obj")));
            }
        }
        return clauses;
    }

    /** "no cars, no bikes and no trees" is one list, rewritten once as "free of cars, bikes and trees". */
    private List<List<Clause>> mergeLists(String text, List<Clause> clauses) {
        List<List<Clause>> lists = new ArrayList<>();
        for (Clause clause : clauses) {
            List<Clause> current = lists.isEmpty() ? null : lists.get(lists.size() - 1);
            if (current != null && listGap.matcher(text.substring(current.get(current.size() - 1).end(), clause.start())).matches()) {
                current.add(clause);
            } else {
                lists.add(new ArrayList<>(List.of(clause)));
            }
        }
        return lists;
    }

    private String joinObjects(List<String> objects) {
        if (objects.size() == 1) {
            return objects.get(0);
        }
        return String.join(", ", objects.subList(0, objects.size() - 1))
                + " " + rules.listConjunction() + " " + objects.get(objects.size() - 1);
    }
}
