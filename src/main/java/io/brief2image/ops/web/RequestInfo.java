package io.brief2image.ops.web;

import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/** What a handler needs from a platform-http request, read so that a client cannot forge it. */
final class RequestInfo {

    private RequestInfo() {
    }

    /**
     * The peer's address as Vert.x saw the socket. A header or query parameter of the same name
     * arrives as a String, never as a SocketAddress, so it cannot pass for the peer.
     */
    static InetAddress client(Exchange exchange) {
        Object remote = exchange.getMessage().getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
        if (remote instanceof SocketAddress socket && socket.hostAddress() != null) {
            try {
                // a literal address: no DNS lookup happens
                return InetAddress.getByName(socket.hostAddress());
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** A single-valued text header or query parameter; null when absent or sent more than once. */
    static String text(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        return value instanceof String s ? s : null;
    }
}
