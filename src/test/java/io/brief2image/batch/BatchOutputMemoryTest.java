package io.brief2image.batch;

import static io.brief2image.batch.BatchTestRig.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming path holds memory flat: a child JVM with a 32 MB heap downloads a result file many
 * times larger than its heap (100 lines of 1.5 MiB images, ~210 MB of JSONL, produced lazily by the
 * offline provider), and one line whose base64 alone is larger than the heap. The bench profile runs
 * 2,000 such lines (BENCHMARKS.md); the summed pool peaks are printed, not asserted: pools peak at
 * different times, so their sum can pass the limit the JVM itself kept to.
 */
class BatchOutputMemoryTest {

    static final String HEAP = "-Xmx32m";
    @TempDir
    Path dir;

    Map<String, Long> downloadInChild(int lines, int imageBytes) throws Exception {
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withFixedImageBytes(imageBytes));
             BatchTestRig rig = new BatchTestRig(server)) {
            Path jsonl = dir.resolve("big.jsonl");
            try (BatchInputFile file = BatchInputFile.create(jsonl, BatchInputFile.GENERATIONS, BatchLimits.OPENAI)) {
                for (int i = 0; i < lines; i++) {
                    file.add("line-" + i, rig.provider, request("memory " + i, i));
                }
            }
            BatchStatus batch = rig.api.awaitEnd(rig.api.create(rig.api.upload(jsonl).id(), BatchInputFile.GENERATIONS, Map.of()).id(),
                    BatchTestRig.QUICK, s -> { });
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path images = Files.createDirectories(dir.resolve("images"));
            Process child = new ProcessBuilder(java, HEAP, "-cp", classPath, BatchDownloadProbe.class.getName(),
                    server.baseUrl(), batch.outputFileId(), images.toString())
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();
            String out = new String(child.getInputStream().readAllBytes()).strip();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
            Map<String, Long> figures = new HashMap<>();
            for (String pair : out.lines().reduce((a, b) -> b).orElse("").split(" ")) {
                String[] kv = pair.split("=");
                figures.put(kv[0], Long.parseLong(kv[1]));
            }
            System.out.println("BatchOutputMemoryTest " + lines + " x " + imageBytes + ": " + figures);
            return figures;
        }
    }

    @Test
    void aResultFileManyTimesTheHeapStreamsThrough() throws Exception {
        Map<String, Long> figures = downloadInChild(100, 1_572_864);
        assertThat(figures.get("lines")).isEqualTo(100);
        assertThat(figures.get("images")).isEqualTo(100);
        assertThat(figures.get("bytes")).as("the JSONL is many times the heap").isGreaterThan(200L << 20);
        assertThat(figures.get("imageBytes")).isGreaterThan(100L * 1_500_000);
    }

    @Test
    void aSingleLineLargerThanTheHeapStreamsThrough() throws Exception {
        Map<String, Long> figures = downloadInChild(1, 28 << 20);
        assertThat(figures.get("images")).isEqualTo(1);
        assertThat(figures.get("imageBytes")).isGreaterThan(27L << 20);
        assertThat(figures.get("bytes")).as("one line of base64 larger than the whole heap").isGreaterThan(33L << 20);
    }
}
