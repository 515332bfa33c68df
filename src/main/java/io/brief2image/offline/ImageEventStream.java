package io.brief2image.offline;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The Server-Sent Events reply to {@code stream: true} (schemas ImageGenStreamEvent and
 * ImageEditStreamEvent): for each image, its partial images and then its completed event. The
 * partials are the final preview itself: an offline preview has no coarser draft worth painting.
 */
final class ImageEventStream {

    private ImageEventStream() {
    }

    /** @param prefix "image_generation" or "image_edit" */
    static void send(Replies replies, String prefix, ImageOptions call, List<ImageBytes> images, TokenUsage perImage)
            throws IOException {
        JsonReplyStream events = replies.eventStream();
        for (ImageBytes image : images) {
            for (int index = 0; index < call.partialImages(); index++) {
                open(events, prefix + ".partial_image", call, image).raw(",\"partial_image_index\":" + index);
                close(events);
            }
            open(events, prefix + ".completed", call, image).raw(",\"usage\":").value(ImagesReply.usageBody(perImage));
            close(events);
        }
        events.finish();
    }

    private static JsonReplyStream open(JsonReplyStream events, String type, ImageOptions call, ImageBytes image)
            throws IOException {
        return events.raw("event: " + type + "\ndata: {\"type\":").value(type)
                .raw(",\"b64_json\":").base64(image)
                .raw(",\"created_at\":" + Instant.now().getEpochSecond())
                .raw(",\"size\":").value(call.size().toString())
                .raw(",\"quality\":").value(call.quality())
                .raw(",\"background\":").value(call.background())
                .raw(",\"output_format\":").value(call.outputFormat());
    }

    private static void close(JsonReplyStream events) throws IOException {
        events.raw("}\n\n").flush();
    }
}
