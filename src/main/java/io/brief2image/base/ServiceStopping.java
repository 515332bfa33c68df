package io.brief2image.base;

/**
 * The service is stopping and this brief will not be finished by this process. Not a failure of
 * the brief: the produce route rolls its transaction back, so the brief goes back to the queue
 * and is made at the next start instead of being dead-lettered.
 */
public final class ServiceStopping extends RuntimeException {

    public ServiceStopping(String what) {
        super("the service is stopping: " + what + "; the brief goes back to the queue");
    }
}
