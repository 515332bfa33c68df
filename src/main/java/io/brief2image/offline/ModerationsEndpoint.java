package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * POST /v1/moderations in OpenAI's CreateModerationResponse shape: one result per input text, flagged
 * when the text has a term of the provider's own list (moderation-terms.txt beside this class). Every
 * category of the spec is in every result, so a client reads a reply exactly as it reads OpenAI's.
 */
final class ModerationsEndpoint implements ApiEndpoint {

    static final String PATH = "/v1/moderations";
    /** The categories of the spec's CreateModerationResponse (commit f85dbe2), in its order. */
    static final List<String> CATEGORIES = List.of("hate", "hate/threatening", "harassment", "harassment/threatening", "illicit",
            "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence",
            "violence/graphic");
    private static final String DEFAULT_MODEL = "omni-moderation-latest";

    private final Map<String, Pattern> terms = load();

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        LoggedFields fields = LoggedFields.of(request.json());
        return request.logged(fields.model(), String.join("\n", fields.inputs()), fields.inputs().size(), null, null, 0);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        JsonNode input = request.requireJson().path("input");
        List<String> texts = texts(input);
        String model = request.json().path("model").asText(DEFAULT_MODEL);
        List<Map<String, Object>> results = new ArrayList<>();
        for (String text : texts) {
            results.add(result(text));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", "modr-offline-" + Integer.toHexString(String.join("\n", texts).hashCode()));
        reply.put("model", model);
        reply.put("results", results);
        return replies -> replies.json(200, reply);
    }

    private Map<String, Object> result(String text) {
        Map<String, Object> categories = new LinkedHashMap<>();
        Map<String, Object> scores = new LinkedHashMap<>();
        Map<String, Object> appliedTypes = new LinkedHashMap<>();
        boolean flagged = false;
        for (String category : CATEGORIES) {
            Pattern pattern = terms.get(category);
            boolean hit = pattern != null && pattern.matcher(text).find();
            flagged |= hit;
            categories.put(category, hit);
            scores.put(category, hit ? 0.97 : 0.0001);
            appliedTypes.put(category, List.of("text"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("flagged", flagged);
        result.put("categories", categories);
        result.put("category_scores", scores);
        result.put("category_applied_input_types", appliedTypes);
        return result;
    }

    /** A string, an array of strings, or an array of {type: text, text} parts, as the API takes them. */
    private static List<String> texts(JsonNode input) {
        if (input.isTextual()) {
            return List.of(input.asText());
        }
        if (!input.isArray() || input.isEmpty()) {
            throw ApiError.invalidValue("input", "input must be a string or a non-empty array of strings.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : input) {
            if (item.isTextual()) {
                texts.add(item.asText());
            } else if (item.path("type").asText().equals("text") && item.path("text").isTextual()) {
                texts.add(item.path("text").asText());
            } else {
                throw ApiError.invalidValue("input", "each input must be a string or a {\"type\": \"text\"} part.");
            }
        }
        return texts;
    }

    /** Lenient reading for the request log: never throws. */
    private record LoggedFields(String model, List<String> inputs) {
        static LoggedFields of(JsonNode json) {
            if (json == null) {
                return new LoggedFields(null, List.of());
            }
            try {
                return new LoggedFields(json.path("model").asText(null), texts(json.path("input")));
            } catch (ApiError e) {
                return new LoggedFields(json.path("model").asText(null), List.of());
            }
        }
    }

    private static Map<String, Pattern> load() {
        Map<String, Pattern> terms = new LinkedHashMap<>();
        try (InputStream in = ModerationsEndpoint.class.getResourceAsStream("moderation-terms.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                int colon = line.lastIndexOf(':');
                if (line.isEmpty() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                for (String term : line.substring(colon + 1).split(",")) {
                    if (!term.isBlank()) {
                        words.add(Pattern.quote(term.strip().toLowerCase(Locale.ROOT)));
                    }
                }
                terms.put(line.substring(0, colon).strip(), Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", words) + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the offline moderation terms", e);
        }
        return Map.copyOf(terms);
    }
}
