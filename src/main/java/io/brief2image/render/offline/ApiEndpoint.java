package io.brief2image.render.offline;

import java.io.IOException;

/** One POST endpoint of the offline provider. */
interface ApiEndpoint {

    String path();

    /** What the request log keeps; may throw on garbage input, the router then records the bare request. */
    RecordedRequest describe(IncomingRequest request);

    /**
     * Validates the request (throwing {@link ApiError}) and returns the reply, which the router sends
     * after the configured latency so that validation errors come back without delay.
     */
    PreparedReply prepare(IncomingRequest request);

    @FunctionalInterface
    interface PreparedReply {
        void send(Replies replies) throws IOException;
    }
}
