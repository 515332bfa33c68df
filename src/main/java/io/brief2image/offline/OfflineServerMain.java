package io.brief2image.offline;

import java.util.concurrent.CountDownLatch;

/**
 * The offline provider on its own, for any OpenAI client (not only brief2image):
 * {@code java -cp target/brief2image.jar io.brief2image.offline.OfflineServerMain [--port N]
 * [--latency-ms N] [--image-bytes N] [--batch-delay-ms N] [--download-bytes-per-second N] [--faults]}. Serves until the process is stopped.
 */
public final class OfflineServerMain {

    private static final String USAGE = "usage: OfflineServerMain [--port N] [--latency-ms N] [--image-bytes N] [--batch-delay-ms N] [--download-bytes-per-second N] [--faults]";

    private OfflineServerMain() {
    }

    public static void main(String[] args) throws Exception {
        OfflineOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        OfflineImageServer server = OfflineImageServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "offline-image-stop"));
        System.out.println("Offline image provider on " + server.baseUrl() + " (SD WebUI API on " + server.sdWebUiUrl()
                + "); fault injection " + (options.faults() ? "on: " + server.sdWebUiUrl() + "/_offline/faults" : "off"));
        new CountDownLatch(1).await(); // the handler threads are daemons: keep the JVM up until it is stopped
    }

    static OfflineOptions parse(String[] args) {
        OfflineOptions options = OfflineOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--faults" -> options = options.withFaults(true);
                case "--port" -> options = options.withPort((int) number(args, ++i));
                case "--latency-ms" -> options = options.withLatencyMillis(number(args, ++i));
                case "--image-bytes" -> options = options.withFixedImageBytes((int) number(args, ++i));
                case "--batch-delay-ms" -> options = options.withBatchDelayMillis(number(args, ++i));
                case "--download-bytes-per-second" -> options = options.withDownloadBytesPerSecond(number(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'.");
            }
        }
        return options;
    }

    private static long number(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a whole number after it.");
        }
        try {
            return Long.parseLong(args[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[index - 1] + " needs a whole number, got '" + args[index] + "'.");
        }
    }
}
