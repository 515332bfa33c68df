package io.brief2image.guidelines;

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
    private final String reasonTemplate;

    BlockedTermRule(List<BlockedTerm> terms, String reasonTemplate) {
        this.terms = terms.stream().map(t -> new Compiled(t, PhrasePattern.of(t.term()))).toList();
        this.reasonTemplate = reasonTemplate;
    }

    /** Quoted text is checked too: lettering is still part of the image. */
    void check(String text) {
        Optional<Hit> first = terms.stream()
                .map(c -> {
                    Matcher m = c.pattern().matcher(text);
                    return m.find() ? new Hit(m.start(), c.term().term()) : null;
                })
                .filter(h -> h != null)
                .min(Comparator.comparingInt(Hit::start));
        if (first.isPresent()) {
            String term = first.get().matched();
            throw new GuidelineBlockedException(Rules.BLOCKED_TERMS, term, reasonTemplate.replace("{term}", term));
        }
    }
}
