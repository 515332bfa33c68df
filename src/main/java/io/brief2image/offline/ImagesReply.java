package io.brief2image.offline;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Streams the OpenAI images reply: {created, data:[{b64_json, revised_prompt?}], usage}. */
final class ImagesReply {

    private ImagesReply() {
    }

    static void send(Replies replies, List<ImageBytes> images, String revisedPrompt, TokenUsage usage)
            throws IOException {
        JsonReplyStream json = replies.stream();
        write(json, images, revisedPrompt, usage, Instant.now().getEpochSecond());
        json.finish();
    }

    /** The reply body, streamed; also a batch output line's {@code response.body}. */
    static void write(JsonReplyStream json, List<ImageBytes> images, String revisedPrompt, TokenUsage usage, long created)
            throws IOException {
        json.raw("{\"created\":" + created + ",\"data\":[");
        for (int i = 0; i < images.size(); i++) {
            json.raw(i == 0 ? "{\"b64_json\":" : ",{\"b64_json\":").base64(images.get(i));
            if (revisedPrompt != null) {
                json.raw(",\"revised_prompt\":").value(revisedPrompt);
            }
            json.raw("}");
        }
        json.raw("],\"usage\":").value(usageBody(usage)).raw("}");
    }

    static Map<String, Object> usageBody(TokenUsage usage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input_tokens", usage.inputTokens());
        body.put("output_tokens", usage.outputTokens());
        body.put("total_tokens", usage.totalTokens());
        body.put("input_tokens_details", Map.of("text_tokens", usage.textTokens(), "image_tokens", usage.imageTokens()));
        return body;
    }
}
