package io.brief2image.offline;

import java.io.IOException;

/** One endpoint of the offline provider (POST unless it says otherwise). */
interface ApiEndpoint {

    String path();

    default String method() {
        return "POST";
    }

    /** Whether a request for {@code requestPath} is this endpoint's; sub-paths only where an endpoint says so. */
    default boolean serves(String requestPath) {
        return requestPath.equals(path());
    }

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
