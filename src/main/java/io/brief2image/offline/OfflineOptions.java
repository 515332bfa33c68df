package io.brief2image.offline;

/**
 * How the offline image server behaves.
 *
 * @param port            TCP port on 127.0.0.1; 0 picks a free ephemeral port
 * @param latencyMillis   delay before each image reply, to imitate a slow provider
 * @param fixedImageBytes when &gt; 0 every image is the same pre-encoded PNG of roughly this size,
 *                        ignoring the prompt, so benchmarks measure transport rather than painting
 * @param faults          whether faults can be injected: the control API ({@code /_offline/faults},
 *                        {@code /_offline/requests}) and {@link OfflineImageServer#faults()}. Off by
 *                        default, so a server started for its images never misbehaves on request
 */
public record OfflineOptions(int port, long latencyMillis, int fixedImageBytes, boolean faults) {

    public OfflineOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative: " + latencyMillis);
        }
        if (fixedImageBytes < 0) {
            throw new IllegalArgumentException("fixedImageBytes must not be negative: " + fixedImageBytes);
        }
    }

    /** Fault injection off. */
    public OfflineOptions(int port, long latencyMillis, int fixedImageBytes) {
        this(port, latencyMillis, fixedImageBytes, false);
    }

    /** An ephemeral port, no latency, painted previews, fault injection off. */
    public static OfflineOptions defaults() {
        return new OfflineOptions(0, 0, 0, false);
    }

    public OfflineOptions withPort(int newPort) {
        return new OfflineOptions(newPort, latencyMillis, fixedImageBytes, faults);
    }

    public OfflineOptions withLatencyMillis(long newLatencyMillis) {
        return new OfflineOptions(port, newLatencyMillis, fixedImageBytes, faults);
    }

    public OfflineOptions withFixedImageBytes(int newFixedImageBytes) {
        return new OfflineOptions(port, latencyMillis, newFixedImageBytes, faults);
    }

    /** Turns fault injection (and the control API) on or off. */
    public OfflineOptions withFaults(boolean enabled) {
        return new OfflineOptions(port, latencyMillis, fixedImageBytes, enabled);
    }
}
