package io.brief2image.batch;

/**
 * A Batch or Files API call that did not work, with the sentence for a person ({@link #getMessage})
 * and whether trying again later may help.
 */
public class BatchApiException extends Exception {

    private final boolean transientFault;
    private final int status;

    public BatchApiException(String reason, boolean transientFault, int status, Throwable cause) {
        super(reason, cause);
        this.transientFault = transientFault;
        this.status = status;
    }

    public boolean transientFault() {
        return transientFault;
    }

    /** The HTTP status, or 0 when there was no reply. */
    public int status() {
        return status;
    }
}
