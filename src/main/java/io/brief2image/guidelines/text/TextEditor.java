package io.brief2image.guidelines.text;

import io.brief2image.guidelines.policy.Grammar;
import io.brief2image.guidelines.policy.Grammar.Language;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies replacements and repairs the article in front of each one, so "a Warhol print" becomes
 * "a bold, ... print" and "an Obama poster" does not turn into "an a tall, slim man poster".
 */
public final class TextEditor {
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}]+)(\\s+)$");
    private static final Pattern FIRST_WORD = Pattern.compile("^([\\p{L}]+)\\s+(?=\\S)");

    private final Grammar grammar;

    public TextEditor(Grammar grammar) {
        this.grammar = grammar;
    }

    public String apply(String text, List<TextEdit> edits) {
        List<TextEdit> rightToLeft = edits.stream()
                .sorted(Comparator.comparingInt(TextEdit::start).reversed())
                .toList();
        String result = text;
        for (TextEdit edit : rightToLeft) {
            String before = result.substring(0, edit.start());
            String after = result.substring(edit.end());
            String replacement = edit.replacement();
            Matcher prev = LAST_WORD.matcher(before);
            if (prev.find()) {
                Language language = grammar.language(edit.language());
                String prevWord = prev.group(1);
                Matcher own = FIRST_WORD.matcher(replacement);
                boolean replacementHasArticle = own.find() && grammar.isAnyArticle(own.group(1));
                String preposition = language.uncontracted(prevWord);
                if (replacementHasArticle && preposition != null) {
                    // "del un hombre" -> "de un hombre": the description is indefinite, so keep its article
                    before = before.substring(0, prev.start(1)) + matchCase(prevWord, preposition) + prev.group(2);
                } else {
                    if (replacementHasArticle && language.isDeterminer(prevWord)) {
                        replacement = replacement.substring(own.end());
                    }
                    // after dropping its own article the replacement may start with a vowel: "an a tall" -> "a tall"
                    if (language == grammar.defaultLanguageRules() && grammar.isIndefiniteArticle(prevWord)) {
                        String article = matchCase(prevWord, grammar.indefiniteArticleFor(replacement));
                        before = before.substring(0, prev.start(1)) + article + prev.group(2);
                    }
                }
            }
            result = before + replacement + after;
        }
        return result;
    }

    /** Fixes "a" / "an" before each word inside a generated phrase ("in a abstract" -> "in an abstract"). */
    public String fixArticlesWithin(String phrase) {
        Matcher m = Pattern.compile("(?<![\\p{L}])(\\p{L}+)(\\s+)(?=(\\p{L}+))").matcher(phrase);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            String fixed = grammar.isIndefiniteArticle(word) ? matchCase(word, grammar.indefiniteArticleFor(m.group(3))) : word;
            m.appendReplacement(sb, Matcher.quoteReplacement(fixed + m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String matchCase(String model, String word) {
        return Character.isUpperCase(model.charAt(0)) ? Casing.capitalize(word) : word;
    }
}
