package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.testing.RunningApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2,000 briefs dropped at once into the packaged service's inbox, drained with --once under a
 * 256 MB heap. Run with {@code mvn -B verify -Pload}; writes its figures to target/load-report.txt.
 */
class InboxLoadIT {

    static final int BRIEFS = Integer.getInteger("load.briefs", 2000);

    @TempDir
    Path work;

    @Test
    void twoThousandBriefsAllCompleteWithFlatMemory() throws Exception {
        Files.createDirectories(work.resolve("inbox"));
        for (int i = 0; i < BRIEFS; i++) {
            Files.writeString(work.resolve("inbox/load-" + i + ".json"),
                    "{\"prompt\": \"load test brief " + i + ": a lighthouse at night\", \"n\": 1, \"seed\": " + i + "}");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of("target/brief2image.jar").toAbsolutePath().toString(), "--once"));
        for (String kv : List.of("openai-api-key=", "concurrency=8", "inbox-quiet-ms=100", "offline.image-bytes=150000",
                "http-port=" + RunningApp.freePort(), "broker-listen=tcp://127.0.0.1:" + RunningApp.freePort())) {
            command.add("--set");
            command.add(kv);
        }
        long started = System.nanoTime();
        Process run = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(work.toFile(), "load.log")).start();
        List<String> samples = new ArrayList<>();
        long peakRssKb = 0;
        while (!run.waitFor(2, TimeUnit.SECONDS)) {
            long rss = statusKb(run.pid(), "VmRSS:");
            peakRssKb = Math.max(peakRssKb, statusKb(run.pid(), "VmHWM:"));
            samples.add(String.format("%6.1f s  %5d sidecars  RSS %4d MB", (System.nanoTime() - started) / 1e9, sidecars(), rss / 1024));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(run.exitValue()).as(Files.readString(work.resolve("load.log"))).isZero();
        assertThat(sidecars()).isEqualTo(BRIEFS);
        assertThat(work.resolve("failed")).isEmptyDirectory();
        String report = String.format("%d briefs, 1 image each (150 kB offline PNG), concurrency 8, -Xmx256m%n"
                + "wall time %.1f s (%.1f briefs/s), peak RSS %d MB%nsamples:%n%s%n",
                BRIEFS, seconds, BRIEFS / seconds, peakRssKb / 1024, String.join("\n", samples));
        Files.writeString(Path.of("target/load-report.txt"), report);
        System.out.println(report);
    }

    private long sidecars() {
        Path outbox = work.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        } catch (Exception e) {
            return 0;
        }
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // the process has just ended
        }
        return 0;
    }
}
