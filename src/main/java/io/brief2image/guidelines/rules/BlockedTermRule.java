package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.GuidelinePolicy.BlockedTerm;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.TextSpan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stops prompts that ask for content no rewrite can make acceptable. */
final class BlockedTermRule {
    private record Compiled(BlockedTerm term, Pattern pattern) {
    }

    private record Hit(int start, String matched) {
    }

    private final List<Compiled> terms;
    private final Pattern exceptions;
    private final String reasonTemplate;

    BlockedTermRule(List<BlockedTerm> terms, List<String> exceptions, String reasonTemplate) {
        this.terms = terms.stream().map(t -> new Compiled(t, PhrasePattern.of(t.term()))).toList();
        this.exceptions = PhrasePattern.anyOf(exceptions);
        this.reasonTemplate = reasonTemplate;
    }

    /** Quoted text is checked too: lettering is still part of the image. */
    void check(String text) {
        List<TextSpan> harmless = new ArrayList<>();
        Matcher ex = exceptions.matcher(text);
        while (ex.find()) {
            harmless.add(new TextSpan(ex.start(), ex.end()));
        }
        Optional<Hit> first = terms.stream()
                .map(c -> firstHit(c, text, harmless))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Hit::start));
        if (first.isPresent()) {
            String term = first.get().matched();
            throw new GuidelineBlockedException(Rules.BLOCKED_TERMS, term, reasonTemplate.replace("{term}", term));
        }
    }

    private static Optional<Hit> firstHit(Compiled compiled, String text, List<TextSpan> harmless) {
        Matcher m = compiled.pattern().matcher(text);
        while (m.find()) {
            if (!TextSpan.anyOverlaps(harmless, m.start(), m.end())) {
                return Optional.of(new Hit(m.start(), compiled.term().term()));
            }
        }
        return Optional.empty();
    }
}
