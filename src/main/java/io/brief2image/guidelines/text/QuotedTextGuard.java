package io.brief2image.guidelines.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds quoted strings meant to be lettered into the image (a sign that reads "Obama"): writing a name
 * is not depicting a person, so rewrite rules leave these spans alone. Blocked terms still apply.
 */
public final class QuotedTextGuard {
    private static final Pattern QUOTED = Pattern.compile("[\"“„«「]([^\"“”„«»「」]{1,200})[\"”“»」]");
    private static final int WORDS_BEFORE = 4;
    private static final int WORDS_AFTER = 3;
    private static final int LOOK_AROUND_CHARS = 60;

    private final Set<String> cues;

    public QuotedTextGuard(List<String> cues) {
        this.cues = cues.stream().map(WordToken::fold).collect(Collectors.toSet());
    }

    public List<TextSpan> protectedSpans(String text) {
        List<TextSpan> spans = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            if (cueNear(text, m.start(), m.end())) {
                spans.add(new TextSpan(m.start(), m.end()));
            }
        }
        return spans;
    }

    private boolean cueNear(String text, int quoteStart, int quoteEnd) {
        List<WordToken> before = WordToken.split(text.substring(Math.max(0, quoteStart - LOOK_AROUND_CHARS), quoteStart));
        List<WordToken> after = WordToken.split(text.substring(quoteEnd, Math.min(text.length(), quoteEnd + LOOK_AROUND_CHARS)));
        return before.subList(Math.max(0, before.size() - WORDS_BEFORE), before.size()).stream()
                .anyMatch(t -> cues.contains(t.folded()))
                || after.subList(0, Math.min(WORDS_AFTER, after.size())).stream()
                .anyMatch(t -> cues.contains(t.folded()));
    }
}
