package io.brief2image.store;

/** The shared database did not answer; {@link #getMessage()} is a sentence for people (no URL credentials). */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
