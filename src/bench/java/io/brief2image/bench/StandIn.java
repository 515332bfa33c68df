package io.brief2image.bench;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;

/**
 * The provider stand-in in its own JVM: {@code StandIn <latencyMillis> <fixedImageBytes>}. Prints
 * {@code READY <port>} and serves until its stdin closes (the benchmark then ends it).
 */
public final class StandIn {

    private StandIn() {
    }

    public static void main(String[] args) throws Exception {
        long latency = Long.parseLong(args[0]);
        int bytes = Integer.parseInt(args[1]);
        try (OfflineImageServer server = OfflineImageServer.start(new OfflineOptions(0, latency, bytes, true))) {
            System.out.println("READY " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // keep serving until the parent closes our stdin or exits
            }
        }
    }
}
