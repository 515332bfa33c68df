package io.brief2image.base;

/** Names of the message headers that travel with a brief between the inbox, the queue and the dead letters. */
public final class MessageHeaders {

    /** Where the file component moves an inbox file once its route has finished with it. */
    public static final String MOVE_TO = "b2iMoveTo";
    /** When the brief was first seen (an ISO instant), kept across redeliveries and replays. */
    public static final String FIRST_SEEN = "b2i_first_seen";

    private MessageHeaders() {
    }
}
