package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.GuidelinePolicy.FigureAsModifier;
import io.brief2image.guidelines.policy.Grammar;
import io.brief2image.guidelines.policy.WorldData.PublicFigure;
import io.brief2image.guidelines.text.NameMatch;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words that replace a public figure's name: a description, or a role when the name modifies a noun. */
final class FigureDescriber {
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+(\\p{L}+)");

    /** The replacement for text[start, end) and the language it is written in. */
    record Rewrite(String text, int end, boolean inDefaultLanguage) {
    }

    private final String template;
    private final String groupTemplate;
    private final FigureAsModifier asModifier;
    private final Grammar grammar;

    FigureDescriber(String template, String groupTemplate, FigureAsModifier asModifier, Grammar grammar) {
        this.template = template;
        this.groupTemplate = groupTemplate;
        this.asModifier = asModifier;
        this.grammar = grammar;
    }

    Rewrite rewrite(String text, NameMatch<PublicFigure> match, String languageCode, String precedingWord) {
        PublicFigure figure = match.owner();
        if (grammar.defaultLanguage().equals(languageCode)) {
            Optional<Rewrite> modifier = asModifier(text, match);
            if (modifier.isPresent()) {
                return modifier.get();
            }
        }
        return inLanguage(figure, languageCode, precedingWord)
                .map(d -> new Rewrite(d, match.end(), false))
                .orElseGet(() -> new Rewrite(inDefaultLanguage(figure), match.end(), true));
    }

    String inDefaultLanguage(PublicFigure figure) {
        String chosen = figure.isGroup() ? groupTemplate : template;
        return chosen.replace("{physique}", figure.physique()).replace("{gender}", figure.gender());
    }

    /** The policy's own wording for that language (and case, where the language inflects), if it has one. */
    private Optional<String> inLanguage(PublicFigure figure, String languageCode, String precedingWord) {
        if (grammar.defaultLanguage().equals(languageCode)) {
            return Optional.empty();
        }
        String grammaticalCase = grammar.language(languageCode).caseAfter(precedingWord);
        String key = grammaticalCase == null ? languageCode : languageCode + "." + grammaticalCase;
        // a missing inflected form falls back to the default language rather than to a wrong ending
        return Optional.ofNullable(figure.descriptions().get(key));
    }

    private Optional<Rewrite> asModifier(String text, NameMatch<PublicFigure> match) {
        if (asModifier == null) {
            return Optional.empty();
        }
        Matcher next = NEXT_WORD.matcher(text.substring(match.end()));
        if (!next.find()) {
            return Optional.empty();
        }
        String noun = next.group(1).toLowerCase(Locale.ROOT);
        int end = match.end() + next.end();
        if (asModifier.ownedNouns().contains(noun) && match.owner().role() != null) {
            String phrase = asModifier.ownedTemplate().replace("{role}", match.owner().role()).replace("{noun}", noun);
            return Optional.of(new Rewrite(phrase, end, true));
        }
        if (asModifier.depictedNouns().contains(noun)) {
            String phrase = asModifier.depictedTemplate().replace("{noun}", noun)
                    .replace("{description}", inDefaultLanguage(match.owner()));
            return Optional.of(new Rewrite(phrase, end, true));
        }
        return Optional.empty();
    }
}
