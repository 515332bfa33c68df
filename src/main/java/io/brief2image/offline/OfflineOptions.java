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
 * @param batchDelayMillis how long a batch takes from creation to {@code completed} (validating the
 *                        first tenth, in progress to nine tenths, then finalizing); 0 = done at once
 * @param downloadBytesPerSecond how fast a file's content ({@code GET /v1/files/{id}/content}) is sent, as a
 *                        slow link would; 0 = as fast as the socket takes it. Lets a test kill the service
 *                        while a batch's output file is half downloaded
 */
public record OfflineOptions(int port, long latencyMillis, int fixedImageBytes, boolean faults, long batchDelayMillis,
                             long downloadBytesPerSecond) {

    public OfflineOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative: " + latencyMillis);
        }
        if (batchDelayMillis < 0) {
            throw new IllegalArgumentException("batchDelayMillis must not be negative: " + batchDelayMillis);
        }
        if (downloadBytesPerSecond < 0) {
            throw new IllegalArgumentException("downloadBytesPerSecond must not be negative: " + downloadBytesPerSecond);
        }
        if (fixedImageBytes < 0) {
            throw new IllegalArgumentException("fixedImageBytes must not be negative: " + fixedImageBytes);
        }
    }

    /** Downloads at full speed. */
    public OfflineOptions(int port, long latencyMillis, int fixedImageBytes, boolean faults, long batchDelayMillis) {
        this(port, latencyMillis, fixedImageBytes, faults, batchDelayMillis, 0);
    }

    /** Fault injection off, batches done at once. */
    public OfflineOptions(int port, long latencyMillis, int fixedImageBytes) {
        this(port, latencyMillis, fixedImageBytes, false, 0);
    }

    /** Batches done at once. */
    public OfflineOptions(int port, long latencyMillis, int fixedImageBytes, boolean faults) {
        this(port, latencyMillis, fixedImageBytes, faults, 0);
    }

    /** An ephemeral port, no latency, painted previews, fault injection off. */
    public static OfflineOptions defaults() {
        return new OfflineOptions(0, 0, 0, false, 0, 0);
    }

    public OfflineOptions withPort(int newPort) {
        return new OfflineOptions(newPort, latencyMillis, fixedImageBytes, faults, batchDelayMillis, downloadBytesPerSecond);
    }

    public OfflineOptions withLatencyMillis(long newLatencyMillis) {
        return new OfflineOptions(port, newLatencyMillis, fixedImageBytes, faults, batchDelayMillis, downloadBytesPerSecond);
    }

    public OfflineOptions withFixedImageBytes(int newFixedImageBytes) {
        return new OfflineOptions(port, latencyMillis, newFixedImageBytes, faults, batchDelayMillis, downloadBytesPerSecond);
    }

    /** Turns fault injection (and the control API) on or off. */
    public OfflineOptions withFaults(boolean enabled) {
        return new OfflineOptions(port, latencyMillis, fixedImageBytes, enabled, batchDelayMillis, downloadBytesPerSecond);
    }

    /** How long each batch takes to complete. */
    public OfflineOptions withBatchDelayMillis(long millis) {
        return new OfflineOptions(port, latencyMillis, fixedImageBytes, faults, millis, downloadBytesPerSecond);
    }

    /** How fast file contents are sent (0 = full speed). */
    public OfflineOptions withDownloadBytesPerSecond(long bytesPerSecond) {
        return new OfflineOptions(port, latencyMillis, fixedImageBytes, faults, batchDelayMillis, bytesPerSecond);
    }
}
