package io.brief2image.e2e;

import io.brief2image.offline.OfflineImageServer;
import io.brief2image.testing.PackagedJar;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The batch crash ITs' common ground: the packaged jar on an offline provider in the test JVM (so the
 * provider outlives the killed service and counts what it saw), and what they read back.
 */
record BatchJarRun(Path work, OfflineImageServer server) {

    Process launch(String log, int httpPort, Map<String, String> more) throws IOException {
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(httpPort));
        settings.putAll(Map.of("provider", "openai", "openai-base-url", server.baseUrl(), "openai-api-key", "sk-test-batch-crash",
                "expansion", "rules", "inbox-quiet-ms", "100", "retry-base-ms", "50"));
        settings.putAll(more);
        return PackagedJar.launch(work, log, settings);
    }

    /** Drops {@code inbox/<name>.csv}: {@code count} one-image batch briefs {@code <name>-<i>}, prompts "{@code prompt} number <i>". */
    void dropBatchCsv(String name, String prompt, int count) throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        StringBuilder csv = new StringBuilder("id,prompt,n,priority\n");
        for (int i = 0; i < count; i++) {
            csv.append(name).append('-').append(i).append(',').append(prompt).append(" number ").append(i).append(",1,batch\n");
        }
        Files.writeString(work.resolve("inbox/" + name + ".csv"), csv);
    }

    long batchesCreated() {
        return server.requests().stream().filter(r -> "POST".equals(r.method()) && r.path().endsWith("/batches")).count();
    }

    long imageCalls() {
        return server.requests().stream().filter(r -> r.path().endsWith("/images/generations")).count();
    }

    /** Every sidecar in the outbox, sorted. */
    List<Path> sidecars() throws IOException {
        if (!Files.isDirectory(work.resolve("outbox"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(work.resolve("outbox"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
