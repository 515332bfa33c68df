package io.brief2image.guidelines.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few function words the rewriter needs so replacements read naturally. The a/an spelling rule is
 * English; everything else that differs between languages sits in {@link Language} entries.
 * The {@code grammar:} section of guidelines.yaml.
 */
public record Grammar(String indefiniteArticle, String indefiniteArticleBeforeVowel, String vowels,
                      String defaultLanguage, Map<String, Language> languages) {
    public Grammar {
        languages = languages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(languages));
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

    /**
     * What the rewriter knows about one language: how to recognise it and which small words sit in front of
     * a noun, so a replacement's own article is not doubled ("the a tall man").
     *
     * @param scripts       Unicode script names whose letters identify the language on their own (HANGUL)
     * @param stopWords     frequent words that identify the language in scripts shared with others
     * @param determiners   words after which a replacement drops its own article
     * @param articles      the leading articles a generated description may carry
     * @param contractions  determiner fused with a preposition, and the preposition alone ("del" -> "de"):
     *                      an indefinite description keeps its article and the preposition is un-fused
     * @param caseAfter     preceding word -> grammatical case, for languages whose descriptions inflect
     * @param particles     particles glued to a name whose form follows the name's last sound
     */
    public record Language(List<String> scripts, List<String> stopWords, List<String> determiners, List<String> articles,
                           Map<String, String> contractions, Map<String, String> caseAfter, List<ParticlePair> particles) {
        public Language {
            scripts = GuidelinePolicy.listOrEmpty(scripts);
            stopWords = lowerCase(stopWords);
            determiners = lowerCase(determiners);
            articles = lowerCase(articles);
            contractions = contractions == null ? Map.of() : lowerCaseKeys(contractions);
            caseAfter = caseAfter == null ? Map.of() : lowerCaseKeys(caseAfter);
            particles = GuidelinePolicy.listOrEmpty(particles);
        }

        private static final Language NONE = new Language(null, null, null, null, null, null, null);

        public boolean isDeterminer(String word) {
            return determiners.contains(word.toLowerCase(Locale.ROOT));
        }

        private boolean isArticle(String word) {
            return articles.contains(word.toLowerCase(Locale.ROOT));
        }

        /** The preposition hidden in a contraction ("del" -> "de"), or null. */
        public String uncontracted(String word) {
            return contractions.get(word.toLowerCase(Locale.ROOT));
        }

        /** The case a description must take after this word, or null for the dictionary form. */
        public String caseAfter(String word) {
            return word == null ? null : caseAfter.get(word.toLowerCase(Locale.ROOT));
        }

        public boolean isWrittenIn(Character.UnicodeScript script) {
            return scripts.contains(script.name());
        }

        private static List<String> lowerCase(List<String> words) {
            return words == null ? List.of() : words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }

        private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
            return map.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        }
    }

    /** A particle whose form depends on whether the word before it ends in a consonant (Korean 이/가). */
    public record ParticlePair(String afterConsonant, String afterVowel) {
    }
}
