package io.brief2image.guidelines.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few function words the rewriter needs so replacements read naturally. The a/an spelling rule is
 * English; everything else that differs between languages sits in {@link Language} entries.
 */
public record Grammar(String indefiniteArticle, String indefiniteArticleBeforeVowel, String vowels,
                      String defaultLanguage, Map<String, Language> languages) {
    public Grammar {
        languages = languages == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        if (defaultLanguage == null || !languages.containsKey(defaultLanguage)) {
            throw new IllegalArgumentException("grammar.default_language must name an entry of grammar.languages");
        }
    }

    public Language language(String code) {
        return languages.getOrDefault(code == null ? defaultLanguage : code, Language.NONE);
    }

    public Language defaultLanguageRules() {
        return languages.get(defaultLanguage);
    }

    public boolean isDeterminer(String word) {
        return defaultLanguageRules().isDeterminer(word);
    }

    /** A description's leading article in any language ("a", "un", "eine"). */
    public boolean isAnyArticle(String word) {
        return languages.values().stream().anyMatch(l -> l.isArticle(word));
    }

    public boolean isIndefiniteArticle(String word) {
        return word.equalsIgnoreCase(indefiniteArticle) || word.equalsIgnoreCase(indefiniteArticleBeforeVowel);
    }

    /** "a" or "an" for the word that follows; a spelling heuristic, good enough for generated descriptions. */
    public String indefiniteArticleFor(String nextWord) {
        if (nextWord.isEmpty()) {
            return indefiniteArticle;
        }
        char first = Character.toLowerCase(nextWord.charAt(0));
        return vowels.indexOf(first) >= 0 ? indefiniteArticleBeforeVowel : indefiniteArticle;
    }
}
