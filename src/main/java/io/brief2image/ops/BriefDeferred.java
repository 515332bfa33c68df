package io.brief2image.ops;

/**
 * The brief cannot go on now but nothing is wrong with it (the service is stopping while it waits
 * for budget or disk): its message goes back to the queue, unpaid for, instead of to the dead letters
 * (produce.yaml rolls the transaction back for this exception).
 */
public final class BriefDeferred extends RuntimeException {

    public BriefDeferred(String message) {
        super(message, null, false, false);
    }
}
