package io.brief2image.guidelines;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A brief may ask for many images in its text ("draw 6 images of"); the count phrase is removed
 * because the caption should describe one image, and the count is capped like the brief's n.
 */
final class ImageCountRule {
    record Counted(String text, int n) {
    }

    private final int maxImages;
    private final Map<String, Integer> numberWords;
    private final Pattern countPhrase;

    ImageCountRule(int maxImages, ImageCountPhrases phrases) {
        this.maxImages = maxImages;
        this.numberWords = phrases.numberWords().entrySet().stream()
                .collect(Collectors.toMap(e -> normalise(e.getKey()), Map.Entry::getValue));
        String verbs = "(?:" + PhrasePattern.alternation(phrases.verbs()) + "\\s+)?";
        String count = "(?<count>\\d{1,4}|" + PhrasePattern.alternation(phrases.numberWords().keySet()) + ")";
        String fillers = "(?:\\s+" + PhrasePattern.alternation(phrases.fillers()) + ")?";
        String nouns = "\\s+" + PhrasePattern.alternation(phrases.nouns());
        String trailing = "(?:\\s+" + PhrasePattern.alternation(phrases.trailingWords()) + ")?";
        this.countPhrase = Pattern.compile(PhrasePattern.NOT_WORD_BEFORE + verbs + count + fillers + nouns + trailing
                + "(?:\\s*:)?", PhrasePattern.FLAGS);
    }

    Counted apply(String text, int requestedN, List<PolicyAction> actions) {
        Integer askedInText = null;
        StringBuilder sb = new StringBuilder();
        Matcher m = countPhrase.matcher(text);
        while (m.find()) {
            int asked = parseCount(m.group("count"));
            if (askedInText == null) {
                askedInText = asked;
            }
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "removed", "'" + m.group().strip() + "' (asked for " + asked + ")"));
            m.appendReplacement(sb, "");
        }
        m.appendTail(sb);
        int asked = Math.max(1, askedInText != null ? askedInText : requestedN);
        int n = Math.min(asked, maxImages);
        if (asked > maxImages) {
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "capped", asked + " → " + n));
        }
        return new Counted(TextTidy.tidy(sb.toString()), n);
    }

    private int parseCount(String token) {
        if (token.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(token);
        }
        return numberWords.getOrDefault(normalise(token), 1);
    }

    private static String normalise(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
