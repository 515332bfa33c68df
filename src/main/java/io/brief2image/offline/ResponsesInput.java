package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the Responses API {@code input}, which is either a string or a list of messages. */
final class ResponsesInput {

    private ResponsesInput() {
    }

    /** The text of all input_text parts (or plain string contents), joined by newlines. */
    static String promptOf(JsonNode input) {
        if (input == null || input.isNull()) {
            return null;
        }
        if (input.isTextual()) {
            return input.asText();
        }
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            for (JsonNode message : input) {
                collectText(message, texts);
            }
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    static int imageCount(JsonNode body) {
        JsonNode input = body == null ? null : body.get("input");
        int count = 0;
        if (input != null && input.isArray()) {
            for (JsonNode message : input) {
                for (JsonNode part : message.path("content")) {
                    if ("input_image".equals(part.path("type").asText())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static void collectText(JsonNode message, List<String> texts) {
        if (message.isTextual()) {
            texts.add(message.asText());
            return;
        }
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            texts.add(content.asText());
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if ((type.equals("input_text") || type.equals("text")) && part.hasNonNull("text")) {
                texts.add(part.get("text").asText());
            }
        }
    }
}
