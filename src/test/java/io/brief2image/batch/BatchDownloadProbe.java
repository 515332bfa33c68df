package io.brief2image.batch;

import io.brief2image.http.ProviderConnections;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run in a child JVM with a small heap: downloads one batch result file through {@link BatchOutput}
 * (images into temp files, deleted once counted) and prints what it got and the heap's peak.
 * Args: base URL, file id, temp dir, and optionally {@code floor}: then the file is only read and
 * discarded (the streaming floor: same bytes, no parsing, no decoding, no disk). Prints
 * {@code lines=N bytes=N images=N imageBytes=N peakHeap=N peakRss=N millis=N} (peakRss: VmHWM, Linux).
 */
public final class BatchDownloadProbe {

    private BatchDownloadProbe() {
    }

    public static void main(String[] args) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        ProviderConnections.configure(context, 120, 2, () -> { });
        context.start();
        BatchApi api = new BatchApi(new ProviderHttp(context, "sk-probe"), args[0], new RetryPolicy(1, 10));
        Path dir = Path.of(args[2]);
        AtomicLong images = new AtomicLong();
        AtomicLong imageBytes = new AtomicLong();
        long started = System.nanoTime();
        if (args.length > 3 && args[3].equals("floor")) {
            long read = api.content(args[1], (in, headers) -> in.transferTo(java.io.OutputStream.nullOutputStream()));
            System.out.println("lines=0 bytes=" + read + " images=0 imageBytes=0 peakHeap=" + peakHeap() + " peakRss=" + peakRss()
                    + " millis=" + (System.nanoTime() - started) / 1_000_000);
            context.stop();
            return;
        }
        BatchOutput.Progress end = new BatchOutput(BatchTestRig.tempFiles(dir)).download(api, args[1], BatchOutput.Progress.START, line -> {
            if (!line.succeeded()) {
                throw new IllegalStateException("line " + line.line() + " failed: " + line.error());
            }
            for (BatchLine.Image image : line.images()) {
                images.incrementAndGet();
                imageBytes.addAndGet(Files.size(image.stored().file()));
                Files.delete(image.stored().file());
            }
        }, progress -> { });
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("lines=" + end.lines() + " bytes=" + end.bytes() + " images=" + images.get() + " imageBytes=" + imageBytes.get()
                + " peakHeap=" + peakHeap() + " peakRss=" + peakRss() + " millis=" + millis);
        context.stop();
    }

    /** The summed peaks of the heap pools (an upper bound: they peak at different times). */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The process's peak resident set (VmHWM) in bytes; 0 where /proc is missing. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }
}
