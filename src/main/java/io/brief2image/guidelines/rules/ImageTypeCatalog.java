package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.Grammar;
import io.brief2image.guidelines.policy.ImageTypePolicy.ImageType;
import io.brief2image.guidelines.policy.ImageTypePolicy;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.TextTidy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Knows the kinds of image a caption can start with, and how to name one when a caption does not. */
final class ImageTypeCatalog {
    private record Keyword(ImageType type, Pattern pattern, int length) {
    }

    private final ImageTypePolicy rules;
    private final Grammar grammar;
    private final List<Keyword> keywords = new ArrayList<>();
    // what joins a type to its subject in the prefix ("{type} of " -> "of"), or a colon, comma or dash
    private final Pattern joiner;

    ImageTypeCatalog(ImageTypePolicy rules, Grammar grammar) {
        this.rules = rules;
        this.grammar = grammar;
        String joinWord = rules.prefixTemplate().replace("{type}", "").strip();
        this.joiner = Pattern.compile("\\s*(?:" + (joinWord.isEmpty() ? "" : PhrasePattern.of(joinWord).pattern() + "|") + "[:,\u2013\u2014-])\\s*",
                PhrasePattern.FLAGS);
        for (ImageType type : rules.types()) {
            List<String> words = new ArrayList<>(type.keywords());
            words.add(type.name());
            for (String word : words) {
                keywords.add(new Keyword(type, PhrasePattern.of(word), word.length()));
            }
        }
    }

    /** The type named earliest in the text (longest keyword on a tie), or null. */
    String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ImageType best = null;
        int bestStart = Integer.MAX_VALUE;
        int bestLength = -1;
        for (Keyword k : keywords) {
            Matcher m = k.pattern().matcher(text);
            if (m.find() && (m.start() < bestStart || m.start() == bestStart && m.end() - m.start() > bestLength)) {
                best = k.type();
                bestStart = m.start();
                bestLength = m.end() - m.start();
            }
        }
        return best == null ? null : best.name();
    }

    /** A requested type may be a keyword ("photograph"); report it by its catalogue name. */
    String canonical(String requested) {
        String detected = detect(requested);
        return detected != null ? detected : requested.strip();
    }

    boolean startsWithType(String caption) {
        String rest = withoutLeadingDeterminer(caption.strip());
        for (Keyword k : keywords) {
            if (k.pattern().matcher(rest).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    String ensureFirst(String caption, String imageType, List<PolicyAction> actionsOut) {
        String text = TextTidy.collapseWhitespace(caption);
        if (text.isEmpty() || startsWithType(text)) {
            return text;
        }
        String type = imageType != null && !imageType.isBlank() ? canonical(imageType) : detect(text);
        if (type == null) {
            type = rules.fallback();
        }
        String prefix = Casing.capitalize(rules.prefixTemplate().replace("{type}", type));
        String result = prefix + lowerLeadingDeterminer(text);
        if (actionsOut != null) {
            actionsOut.add(new PolicyAction(Rules.IMAGE_TYPE, "prefixed", "'" + prefix.strip() + "'"));
        }
        return result;
    }

    /**
     * A prompt as the subject that follows "{Type} of ": without a leading phrase naming that same
     * type ("a watercolor painting of", "Photo:"), which the prefix already says, and with a leading
     * article in lower case ("Photo of a tall man", not "Photo of A tall man").
     */
    String subjectAfter(String prompt, String imageType) {
        String text = TextTidy.collapseWhitespace(prompt).strip();
        String type = imageType == null || imageType.isBlank() ? null : canonical(imageType);
        String rest = withoutLeadingDeterminer(text);
        int cut = -1;
        for (Keyword k : keywords) {
            Matcher m = k.pattern().matcher(rest);
            if (k.type().name().equalsIgnoreCase(type) && m.lookingAt()) {
                Matcher after = joiner.matcher(rest).region(m.end(), rest.length());
                if (after.lookingAt() && after.end() < rest.length()) {
                    cut = Math.max(cut, after.end());
                }
            }
        }
        return lowerLeadingArticle(cut < 0 ? text : rest.substring(cut));
    }

    List<String> defaultTypes(int n, String requestedType, String prompt) {
        if (n <= 0) {
            return List.of();
        }
        String named = requestedType != null && !requestedType.isBlank() ? canonical(requestedType) : detect(prompt);
        if (named != null) {
            return Collections.nCopies(n, named);
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            types.add(rules.defaultRotation().get(i % rules.defaultRotation().size()));
        }
        return types;
    }

    private String withoutLeadingDeterminer(String text) {
        int space = text.indexOf(' ');
        return space > 0 && grammar.isDeterminer(text.substring(0, space)) ? text.substring(space + 1) : text;
    }

    /** Like {@link #lowerLeadingDeterminer}, for an article of any language ("Un hombre" -> "un hombre"). */
    private String lowerLeadingArticle(String text) {
        int space = text.indexOf(' ');
        String first = space > 0 ? text.substring(0, space) : text;
        boolean shouted = first.length() > 1 && first.equals(first.toUpperCase(java.util.Locale.ROOT));
        if (space > 0 && !shouted && (grammar.isDeterminer(first) || grammar.isAnyArticle(first))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    /** "A cat" reads "Photo of a cat"; proper nouns ("Paris at night") keep their capital. */
    private String lowerLeadingDeterminer(String text) {
        int space = text.indexOf(' ');
        if (space > 0 && grammar.isDeterminer(text.substring(0, space))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
