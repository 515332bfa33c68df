package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the image out of a Responses API reply: the {@code image_generation_call} output item, its
 * base64 {@code result} (already streamed to a temp file) and the {@code revised_prompt} the
 * mainline model wrote for the image tool.
 */
public final class ResponsesOutput {

    public static final String RESULT_FIELD = "result";

    private ResponsesOutput() {
    }

    public static ProviderResult.Image imageOf(StreamingReply.Parsed reply) throws MalformedReplyException {
        for (JsonNode item : reply.tree().path("output")) {
            if (!"image_generation_call".equals(item.path("type").asText())) {
                continue;
            }
            JsonNode mark = item.get(RESULT_FIELD);
            if (mark == null || !mark.asText().startsWith(StreamingReply.IMAGE_MARK)) {
                // a call without a result (failed or cut short) is as bad as no call: nothing to publish
                throw new MalformedReplyException("the provider's image_generation_call has no image (status "
                        + item.path("status").asText("unknown") + ")");
            }
            String revised = item.path("revised_prompt").asText(null);
            return new ProviderResult.Image(reply.image(mark), revised == null || revised.isBlank() ? null : revised, null);
        }
        throw new MalformedReplyException("the provider's reply has no image_generation_call output"
                + refusalOf(reply.tree()));
    }

    /** When the model answered in words instead of calling the tool, its words say why. */
    private static String refusalOf(JsonNode tree) {
        for (JsonNode item : tree.path("output")) {
            for (JsonNode part : item.path("content")) {
                String text = part.path("text").asText(part.path("refusal").asText(""));
                if (!text.isBlank()) {
                    return ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
                }
            }
        }
        return "";
    }
}
