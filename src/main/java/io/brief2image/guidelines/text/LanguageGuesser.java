package io.brief2image.guidelines.text;

import io.brief2image.guidelines.policy.Grammar;
import io.brief2image.guidelines.policy.Grammar.Language;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guesses which language a name was written in, so its description can be given in that language.
 * Deliberately simple: a script only one language uses decides at once; otherwise the language with the
 * most stop words in the text wins, and without any the default language is assumed.
 */
public final class LanguageGuesser {
    private final Grammar grammar;
    private final Map<String, Set<String>> stopWords;

    public LanguageGuesser(Grammar grammar) {
        this.grammar = grammar;
        this.stopWords = grammar.languages().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stopWords().stream().map(WordToken::fold).collect(Collectors.toSet())));
    }

    /** Language code for a name found at text[start, end). */
    public String guess(String text, int start, int end) {
        // a Han name in a Japanese sentence ("習近平が") is told apart by the kana around it
        String byScript = byScript(text.substring(start, end));
        if (byScript == null) {
            byScript = byScript(text);
        }
        return byScript != null ? byScript : byStopWords(text);
    }

    private String byScript(String s) {
        for (Map.Entry<String, Language> entry : grammar.languages().entrySet()) {
            boolean written = s.codePoints().anyMatch(cp -> entry.getValue().isWrittenIn(Character.UnicodeScript.of(cp)));
            if (written) {
                return entry.getKey();
            }
        }
        return null;
    }

    private String byStopWords(String text) {
        List<String> words = WordToken.split(text).stream().map(WordToken::folded).toList();
        String best = grammar.defaultLanguage();
        long bestCount = words.stream().filter(stopWords.getOrDefault(best, Set.of())::contains).count();
        for (Map.Entry<String, Set<String>> entry : stopWords.entrySet()) {
            long count = words.stream().filter(entry.getValue()::contains).count();
            if (count > bestCount) {
                best = entry.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}
