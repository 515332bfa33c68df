package io.brief2image.guidelines.policy;

import java.util.List;
import java.util.Map;

/** Vocabulary of "draw 6 images of" style phrases. */
public record ImageCountPhrases(List<String> verbs, List<String> fillers, List<String> nouns,
                                List<String> trailingWords, Map<String, Integer> numberWords) {
    public ImageCountPhrases {
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        fillers = fillers == null ? List.of() : List.copyOf(fillers);
        nouns = nouns == null ? List.of() : List.copyOf(nouns);
        trailingWords = trailingWords == null ? List.of() : List.copyOf(trailingWords);
        numberWords = numberWords == null ? Map.of() : Map.copyOf(numberWords);
    }
}
