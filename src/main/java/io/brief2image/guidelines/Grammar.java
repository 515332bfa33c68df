package io.brief2image.guidelines;

import java.util.List;
import java.util.Locale;

/** The few English function words the rewriter needs so replacements read naturally. */
public record Grammar(List<String> determiners, String indefiniteArticle, String indefiniteArticleBeforeVowel,
                      String vowels) {
    public Grammar {
        determiners = determiners == null ? List.of() : determiners.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    boolean isDeterminer(String word) {
        return determiners.contains(word.toLowerCase(Locale.ROOT));
    }

    boolean isIndefiniteArticle(String word) {
        return word.equalsIgnoreCase(indefiniteArticle) || word.equalsIgnoreCase(indefiniteArticleBeforeVowel);
    }

    /** "a" or "an" for the word that follows; a spelling heuristic, good enough for generated descriptions. */
    String indefiniteArticleFor(String nextWord) {
        if (nextWord.isEmpty()) {
            return indefiniteArticle;
        }
        char first = Character.toLowerCase(nextWord.charAt(0));
        return vowels.indexOf(first) >= 0 ? indefiniteArticleBeforeVowel : indefiniteArticle;
    }
}
