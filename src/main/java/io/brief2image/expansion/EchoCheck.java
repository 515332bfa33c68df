package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a caption that repeats the chat request instead of describing an image: the request's
 * JSON (its own keys, such as {@code "image_types":}) or a run of words from the system prompt.
 * An image model would draw that text, so such a caption is not used.
 */
final class EchoCheck {

    // eight words in a row from the instructions: far longer than any phrase a caption shares by chance
    // ("a tall man with short grey hair" is seven)
    private static final int RUN = 8;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Set<String> instructionRuns;
    private final Pattern requestKey;

    /** {@code requestKeys}: the field names of the user message and of the reply schema. */
    EchoCheck(String systemPrompt, Set<String> requestKeys) {
        this.instructionRuns = runsOf(systemPrompt);
        this.requestKey = Pattern.compile("\"(?:" + String.join("|", requestKeys.stream().map(Pattern::quote).toList()) + ")\"\\s*:");
    }

    /** The field names of a user message object and of the properties of a reply schema. */
    static Set<String> keysOf(JsonNode userMessage, JsonNode schema) {
        Set<String> keys = new LinkedHashSet<>();
        userMessage.fieldNames().forEachRemaining(keys::add);
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Why {@code text} is an echo of the request, or null when it is not. */
    String echoIn(String text) {
        if (requestKey.matcher(text).find()) {
            return "repeats the request's own JSON";
        }
        List<String> words = words(text);
        for (int k = 0; k + RUN <= words.size(); k++) {
            if (instructionRuns.contains(String.join(" ", words.subList(k, k + RUN)))) {
                return "repeats the instructions given to the chat model";
            }
        }
        return null;
    }

    private static Set<String> runsOf(String text) {
        List<String> words = words(text);
        Set<String> runs = new HashSet<>();
        for (int k = 0; k + RUN <= words.size(); k++) {
            runs.add(String.join(" ", words.subList(k, k + RUN)));
        }
        return runs;
    }

    private static List<String> words(String text) {
        return NON_WORD.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }
}
