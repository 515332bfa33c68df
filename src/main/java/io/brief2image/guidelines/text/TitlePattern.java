package io.brief2image.guidelines.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Recognises titles of office and knows their generic replacement. */
public final class TitlePattern {
    private final Map<String, String> genericByTitle;
    private final Pattern anywhere;
    private final Pattern rightBeforeName;

    public TitlePattern(Map<String, String> titles) {
        this.genericByTitle = titles.entrySet().stream()
                .collect(Collectors.toMap(e -> key(e.getKey()), Map.Entry::getValue, (a, b) -> a));
        String alternation = PhrasePattern.alternation(titles.keySet());
        this.anywhere = Pattern.compile(alternation, PhrasePattern.FLAGS);
        this.rightBeforeName = Pattern.compile(alternation + "\\s+$", PhrasePattern.FLAGS);
    }

    public Matcher matcher(String text) {
        return anywhere.matcher(text);
    }

    /** Start of a title that directly precedes index ("President" in "President Obama"), else index. */
    public int startOfTitleBefore(String text, int index) {
        Matcher m = rightBeforeName.matcher(text.substring(0, index));
        return m.find() ? m.start() : index;
    }

    public String genericFor(String title) {
        return genericByTitle.getOrDefault(key(title), title);
    }

    /** Matches forgive spacing, hyphens and accents, so the lookup key must too. */
    private static String key(String title) {
        return WordToken.fold(title).replaceAll("[\\s\\-'’.]+", "");
    }
}
