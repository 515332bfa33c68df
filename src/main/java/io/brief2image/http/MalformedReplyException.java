package io.brief2image.http;

import java.io.IOException;

/** A reply that cannot be read: truncated, not JSON, or without images. Transient: worth another attempt. */
public class MalformedReplyException extends IOException {

    public MalformedReplyException(String message) {
        super(message);
    }

    public MalformedReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
