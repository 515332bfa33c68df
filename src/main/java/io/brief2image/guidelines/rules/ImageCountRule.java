package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy.ImageCountPhrases;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.TextTidy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A brief may ask for many images in its text ("draw 6 images of"); the count phrase is removed
 * because the caption should describe one image. The words choose the count only when the brief
 * has no n, and may lower an n it has but never raise it: a brief's n is what the person pays for.
 * The count is capped at max_images.
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

    /**
     * @param briefN the brief's n, or the default count when {@code nGiven} is false
     * @param nGiven whether the brief gave n: then the prompt's words may lower it but never raise it;
     *               without one the words choose the count. Either way it is capped at max_images.
     */
    Counted apply(String text, int briefN, boolean nGiven, List<PolicyAction> actions) {
        Integer askedInText = null;
        String phrase = null;
        StringBuilder sb = new StringBuilder();
        Matcher m = countPhrase.matcher(text);
        while (m.find()) {
            int asked = parseCount(m.group("count"));
            if (askedInText == null) {
                askedInText = Math.max(1, asked);
                phrase = m.group().strip();
            }
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "removed", "'" + m.group().strip() + "' (asked for " + asked + ")"));
            m.appendReplacement(sb, "");
        }
        m.appendTail(sb);
        int wanted = Math.max(1, briefN);
        if (askedInText != null) {
            wanted = countFromWords(wanted, nGiven, askedInText, phrase, actions);
        }
        int n = Math.min(wanted, maxImages);
        if (wanted > maxImages) {
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "capped", wanted + " → " + n));
        }
        return new Counted(TextTidy.tidy(sb.toString()), n);
    }

    private static int countFromWords(int briefN, boolean nGiven, int asked, String phrase, List<PolicyAction> actions) {
        if (!nGiven) {
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "set", "the brief gives no n; '" + phrase + "' asks for " + asked));
            return asked;
        }
        if (asked < briefN) {
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "lowered", "n " + briefN + " → " + asked + ", as '" + phrase + "' asks"));
            return asked;
        }
        if (asked > briefN) {
            actions.add(new PolicyAction(Rules.MAX_IMAGES, "kept", "the brief's n " + briefN + " stands; '" + phrase
                    + "' asks for " + asked + ", and words never raise an n the brief gives"));
        }
        return briefN;
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
