package io.brief2image.bench;

import io.brief2image.batch.BatchApi;
import io.brief2image.batch.BatchDownloadProbe;
import io.brief2image.batch.BatchInputFile;
import io.brief2image.batch.BatchLimits;
import io.brief2image.batch.BatchStatus;
import io.brief2image.batch.PollPolicy;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.http.ProviderConnections;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.RetryPolicy;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.render.ImageRequest;
import io.brief2image.render.OpenAiImagesProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 15 point 8: one batch of N lines with fixed images of B bytes, its output file (produced
 * lazily by the offline provider in this JVM) streamed by {@code BatchOutput} in a child JVM under
 * a small heap, images decoded to disk and deleted once counted; against the streaming floor, the
 * same bytes read and discarded by the same HTTP client in the same heap. Prints one Markdown row each.
 * Then the cost row ({@link BatchCostBench}): {@code --cost-briefs} briefs (200; 0 skips it) through the
 * packaged jar now and through a batch, their sidecars' {@code cost_usd} summed.
 * <p>
 * {@code mvn -B -Pbench -DskipTests package -Dbench.args="batch-download --lines 2000 --image-bytes 1572864 --heap 128m --cost-briefs 2000"}
 */
public final class BatchDownloadBench {

    private BatchDownloadBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = 2000;
        int imageBytes = 1_572_864;
        String heap = "128m";
        int costBriefs = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--image-bytes" -> imageBytes = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--cost-briefs" -> costBriefs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createDirectories(Path.of("target", "bench", "batch-download").toAbsolutePath());
        ModelSpec model = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();
        DefaultCamelContext context = new DefaultCamelContext();
        ProviderConnections.configure(context, 600, 4, () -> { });
        context.start();
        try (OfflineImageServer server = OfflineImageServer.start(OfflineOptions.defaults().withFixedImageBytes(imageBytes))) {
            ProviderHttp http = new ProviderHttp(context, "sk-bench");
            BatchApi api = new BatchApi(http, server.baseUrl(), new RetryPolicy(3, 100));
            OpenAiImagesProvider provider = new OpenAiImagesProvider(http, server.baseUrl(), "offline", true);
            Path jsonl = work.resolve("input.jsonl");
            try (BatchInputFile file = BatchInputFile.create(jsonl, BatchInputFile.GENERATIONS, BatchLimits.OPENAI)) {
                for (int i = 0; i < lines; i++) {
                    file.add("bench-" + i, provider, new ImageRequest(model, "catalogue shot " + i, 1, List.of((long) i),
                            "1024x1024", "medium", null, "png", null, null));
                }
            }
            BatchStatus batch = api.awaitEnd(api.create(api.upload(jsonl).id(), BatchInputFile.GENERATIONS,
                    Map.of("pipeline", "bench")).id(), new PollPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2, Duration.ofMinutes(5)), s -> { });
            System.out.println("| run | heap | lines | JSONL bytes | images written | wall s | MB/s (JSONL) | images/s | peak RSS MB | heap pools peak MB |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (String mode : List.of("floor", "download-and-write")) {
                Path images = Files.createDirectories(work.resolve("images"));
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), BatchDownloadProbe.class.getName(),
                        server.baseUrl(), batch.outputFileId(), images.toString()));
                if (mode.equals("floor")) {
                    command.add("floor");
                }
                Process child = new ProcessBuilder(command).redirectError(work.resolve(mode + ".stderr").toFile()).start();
                String out = new String(child.getInputStream().readAllBytes()).strip();
                if (!child.waitFor(60, TimeUnit.MINUTES) || child.exitValue() != 0) {
                    throw new IllegalStateException(mode + " failed: " + Files.readString(work.resolve(mode + ".stderr")));
                }
                Map<String, Long> f = new java.util.HashMap<>();
                for (String pair : out.lines().reduce((a, b) -> b).orElse("").split(" ")) {
                    String[] kv = pair.split("=");
                    f.put(kv[0], Long.parseLong(kv[1]));
                }
                double seconds = f.get("millis") / 1000.0;
                System.out.printf("| %s | %s | %d | %,d | %d | %.1f | %.1f | %.1f | %d | %d |%n", mode, heap, lines, f.get("bytes"),
                        f.get("images"), seconds, f.get("bytes") / 1e6 / seconds, f.get("images") / seconds,
                        f.get("peakRss") >> 20, f.get("peakHeap") >> 20);
            }
        } finally {
            context.stop();
        }
        System.out.println("(" + File.separator + "proc load: " + Files.readString(Path.of("/proc/loadavg")).strip() + ")");
        if (costBriefs > 0) {
            BatchCostBench.print(costBriefs);
        }
    }
}
