package io.brief2image.offline;

/**
 * Thrown out of the HTTP handler on purpose: the JDK server then closes the socket without
 * finishing the response, which is how a client gets to see a reset or a truncated body.
 */
final class DropConnection extends RuntimeException {

    DropConnection(String reason) {
        super(reason, null, false, false);
    }
}
