package io.brief2image.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs every benchmark scenario against the offline provider stand-in (its own JVM) and writes
 * BENCHMARKS.md. Each client (the three baselines and the packaged brief2image.jar) runs in a child
 * JVM; scenarios are repeated {@code --runs} times, interleaving the clients, and reported as median
 * with min-max.
 * <p>
 * Options: {@code --runs N} (3), {@code --scenarios 1,2,3,4,5,6}, {@code --clients floor,sdk,langchain4j,brief2image},
 * {@code --out BENCHMARKS.md}, {@code --b2i-java /path/to/java}, {@code --b2i-opts "-XX:..."} (extra JVM options for
 * brief2image, space separated), {@code --keep} (keep each run's outbox under target/bench).
 */
public final class BenchMain {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final long MIB = 1024 * 1024;
    static final String NOTES_MARKER = "<!-- findings: kept when the benchmark rewrites this file -->";
    /** A client that runs out of heap can hang (a dead HTTP selector thread); it is killed after this. */
    static final long SMALL_HEAP_TIMEOUT = 60;
    static final int WARM_UP_BATCHES = 3;
    static final List<String> ALL_CLIENTS = List.of("floor", "sdk", "langchain4j", "brief2image");

    final Path project = Path.of("").toAbsolutePath();
    final Path jar = project.resolve("target/brief2image.jar");
    final Path work = project.resolve("target/bench");
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** Absolute, because the child JVMs run in their own work folders. */
    final String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    int runs = 3;
    Set<String> scenarios = Set.of("1", "2", "3", "4", "5", "6");
    List<String> clients = ALL_CLIENTS;
    Path out = project.resolve("BENCHMARKS.md");
    String b2iJava = java;
    List<String> b2iOpts = List.of();
    /** Keeps each run's outbox (sidecars and images) under target/bench for a closer look. */
    boolean keep;
    final StringBuilder report = new StringBuilder();
    final List<String> notes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fleet")) {
            FleetBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("batch-cost")) {
            BatchCostBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("batch-download")) {
            BatchDownloadBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchMain bench = new BenchMain();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> bench.runs = Integer.parseInt(args[++i]);
                case "--scenarios" -> bench.scenarios = Set.of(args[++i].split(","));
                case "--clients" -> bench.clients = List.of(args[++i].split(","));
                case "--out" -> bench.out = Path.of(args[++i]).toAbsolutePath();
                case "--b2i-java" -> bench.b2iJava = args[++i];
                case "--keep" -> bench.keep = true;
                case "--b2i-opts" -> bench.b2iOpts = Arrays.stream(args[++i].trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        bench.run();
    }

    void run() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: " + jar + " is missing");
        }
        deleteTree(work);
        Files.createDirectories(work);
        Instant started = Instant.now();
        header(started);
        if (scenarios.contains("1")) {
            throughput();
        }
        if (scenarios.contains("2")) {
            latencyBound();
        }
        if (scenarios.contains("3")) {
            smallHeap();
        }
        if (scenarios.contains("4")) {
            start();
        }
        if (scenarios.contains("5")) {
            pacing();
        }
        if (scenarios.contains("6")) {
            screening();
        }
        report.append("\n_Benchmark wall time: ").append(Duration.between(started, Instant.now()).toSeconds()).append(" s._\n");
        // hand-written findings below the marker survive a re-run
        if (Files.isRegularFile(out)) {
            String old = Files.readString(out);
            int marker = old.indexOf(NOTES_MARKER);
            if (marker >= 0) {
                report.append('\n').append(old.substring(marker));
            }
        }
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.out.println("wrote " + out);
    }

    // ---------------------------------------------------------------- scenarios

    /** 1. 200 briefs x 1.5 MiB, no latency, concurrency 8; steady state = 20th..180th sidecar by `created`. */
    void throughput() throws Exception {
        int briefs = 200;
        int concurrency = 8;
        int bytes = (int) (1.5 * MIB);
        log("scenario 1: throughput");
        Map<String, List<Double>> steady = new LinkedHashMap<>();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        try (StandInProcess standIn = StandInProcess.start(this, 0, bytes)) {
            for (int run = 1; run <= runs; run++) {
                for (String client : rotate(clients, run)) {
                    Outcome o = runClient(standIn, "s1", client, run, briefs, concurrency, List.of(), List.of());
                    require(o, briefs);
                    List<Instant> created = o.createdSorted();
                    double secs = seconds(created.get(19), created.get(179));
                    steady.computeIfAbsent(client, k -> new ArrayList<>()).add(160 / secs);
                    wall.computeIfAbsent(client, k -> new ArrayList<>()).add(o.wallSeconds);
                    rss.computeIfAbsent(client, k -> new ArrayList<>()).add(o.peakRssMib);
                    log(String.format(Locale.ROOT, "  run %d %-12s steady %.1f img/s, wall %.1f s, rss %.0f MiB",
                            run, client, 160 / secs, o.wallSeconds, o.peakRssMib));
                }
                if (clients.contains("brief2image")) {
                    double warm = warmService(standIn, run, briefs, concurrency);
                    steady.computeIfAbsent("brief2image-warm", k -> new ArrayList<>()).add(warm);
                    log(String.format(Locale.ROOT, "  run %d %-12s steady %.1f img/s", run, "b2i-warm", warm));
                }
            }
        }
        section("1. Throughput",
                "200 briefs, one image each, ~1.5 MiB PNG (base64-streamed by the stand-in), no latency, concurrency 8. "
                        + "Steady state: images per second from the 20th to the 180th sidecar, ordered by the sidecar's "
                        + "`created` time (160 intervals). Wall = child JVM launch to exit, including JVM start and, for "
                        + "brief2image, broker start and the `--once` drain checks. **brief2image as a running service** is "
                        + "the same job for the service as users run it: started once, warmed up with " + WARM_UP_BATCHES * briefs + " briefs, then the "
                        + "200 measured briefs are dropped into its inbox (same steady-state window).");
        double floor = steady.containsKey("floor") ? median(steady.get("floor")) : Double.NaN;
        report.append("| client | steady img/s | × floor | wall s | peak RSS MiB |\n|---|---|---|---|---|\n");
        for (String client : steady.keySet()) {
            report.append("| ").append(label(client)).append(" | ").append(fmt(steady.get(client), 1)).append(" | ")
                    .append(Double.isNaN(floor) ? "–" : String.format(Locale.ROOT, "%.2f", median(steady.get(client)) / floor))
                    .append(" | ").append(wall.containsKey(client) ? fmt(wall.get(client), 1) : "–")
                    .append(" | ").append(rss.containsKey(client) ? fmt(rss.get(client), 0) : "–").append(" |\n");
        }
        if (steady.containsKey("brief2image") && !Double.isNaN(floor)) {
            target("brief2image ≥ 0.9 × floor", median(steady.get("brief2image")) / floor >= 0.9,
                    String.format(Locale.ROOT, "%.2f × floor", median(steady.get("brief2image")) / floor));
        }
        if (steady.containsKey("brief2image-warm") && !Double.isNaN(floor)) {
            target("brief2image as a running service ≥ 0.9 × floor", median(steady.get("brief2image-warm")) / floor >= 0.9,
                    String.format(Locale.ROOT, "%.2f × floor", median(steady.get("brief2image-warm")) / floor));
        }
    }

    /**
     * The throughput of brief2image as users run it, a service that has been up for a while: the
     * first {@value #WARM_UP_BATCHES} batches of 200 briefs warm it up (connections, broker and above
     * all the JIT, which on 2 cores is still compiling Camel, ActiveMQ and HttpClient code after the
     * first 200), the next 200 are measured.
     */
    double warmService(StandInProcess standIn, int run, int briefs, int concurrency) throws Exception {
        Path dir = freshDir("s1-brief2image-warm-" + run);
        Files.createDirectories(dir.resolve("inbox"));
        standIn.clearRequests();
        int port = freePort();
        Child child = Child.start(b2iCommand(standIn, dir, concurrency, port, List.of(), List.of(), false), dir, dir.resolve("child.log"));
        try {
            awaitHealthy(child, port);
            Path staging = dir.resolve("staging");
            for (int batch = 1; batch <= WARM_UP_BATCHES; batch++) {
                writeBriefs(staging, briefs);
                moveAll(staging, dir.resolve("inbox"), "w" + batch);
                awaitSidecars(child, dir.resolve("outbox"), batch * briefs);
            }
            writeBriefs(staging, briefs);
            moveAll(staging, dir.resolve("inbox"), "m");
            awaitSidecars(child, dir.resolve("outbox"), (WARM_UP_BATCHES + 1) * briefs);
            List<Instant> created = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dir.resolve("outbox"))) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("m.*-\\d+\\.json")).toList()) {
                    created.add(Instant.parse(JSON.readTree(f.toFile()).path("created").asText()));
                }
            }
            List<Instant> sorted = created.stream().sorted().toList();
            return 160 / seconds(sorted.get(19), sorted.get(179));
        } finally {
            // a polite stop first, so JVM agents given with --b2i-opts (profilers) can write their files
            child.process.destroy();
            if (!child.process.waitFor(30, TimeUnit.SECONDS)) {
                child.process.destroyForcibly().waitFor();
            }
            if (!keep) {
                deleteTree(dir.resolve("outbox"));
            }
        }
    }

    /** Renames briefs into the inbox under a prefix, so each appears whole and the measured set is told apart. */
    static void moveAll(Path from, Path to, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.move(f, to.resolve(prefix + f.getFileName()));
            }
        }
    }

    static void awaitSidecars(Child child, Path outbox, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && child.process.isAlive()) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.walk(outbox)) {
                    if (files.filter(p -> p.getFileName().toString().matches("[^.].*-\\d+\\.json")).count() >= count) {
                        return;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("brief2image service did not write " + count + " sidecars: " + tail(child.output(), 1500));
    }

    /** 2. 256 briefs, 1 s per image, concurrency 32; ideal = 32 img/s. */
    void latencyBound() throws Exception {
        int briefs = 256;
        int concurrency = 32;
        int bytes = 128 * 1024;
        log("scenario 2: latency-bound");
        Map<String, List<Double>> rate = new LinkedHashMap<>();
        try (StandInProcess standIn = StandInProcess.start(this, 1000, bytes)) {
            for (int run = 1; run <= runs; run++) {
                for (String client : rotate(clients, run)) {
                    Outcome o = runClient(standIn, "s2", client, run, briefs, concurrency, List.of(), List.of());
                    require(o, briefs);
                    List<Instant> created = o.createdSorted();
                    List<Long> arrivals = o.arrivalsMicros;
                    double secs = (created.get(created.size() - 1).toEpochMilli() * 1000.0 - arrivals.get(0)) / 1e6;
                    rate.computeIfAbsent(client, k -> new ArrayList<>()).add(briefs / secs);
                    log(String.format(Locale.ROOT, "  run %d %-12s %.1f img/s (%.2f s from first request to last sidecar)",
                            run, client, briefs / secs, secs));
                }
            }
        }
        section("2. Latency-bound",
                "256 briefs, 1 s stand-in latency per image, 128 KiB PNG, concurrency 32. Rate = 256 ÷ (last sidecar "
                        + "`created` − first request's arrival at the stand-in); ideal = 32 ÷ 1 s = 32 img/s (8 waves of 32).");
        report.append("| client | img/s | × ideal (32/s) |\n|---|---|---|\n");
        for (String client : rate.keySet()) {
            report.append("| ").append(label(client)).append(" | ").append(fmt(rate.get(client), 1)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", median(rate.get(client)) / 32)).append(" |\n");
        }
        if (rate.containsKey("brief2image")) {
            target("brief2image ≥ 0.9 × ideal", median(rate.get("brief2image")) / 32 >= 0.9,
                    String.format(Locale.ROOT, "%.2f × ideal", median(rate.get("brief2image")) / 32));
        }
    }

    /** 3. -Xmx128m, 64 briefs x 4 MiB, 200 ms latency, concurrency 16. */
    void smallHeap() throws Exception {
        int briefs = 64;
        int concurrency = 16;
        int bytes = (int) (4 * MIB);
        log("scenario 3: small heap");
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<String>> results = new LinkedHashMap<>();
        List<String> jvm = List.of("-Xmx128m");
        try (StandInProcess standIn = StandInProcess.start(this, 200, bytes)) {
            for (int run = 1; run <= runs; run++) {
                for (String client : rotate(clients, run)) {
                    Outcome o = runClient(standIn, "s3", client, run, briefs, concurrency, jvm, List.of(), SMALL_HEAP_TIMEOUT);
                    boolean oom = o.output.contains("OutOfMemoryError");
                    String result = (o.exitCode == 0 && o.sidecars == briefs) ? "ok"
                            : (oom ? "OOM" : "failed") + (o.exitCode == -1 ? ", hung: killed after " + SMALL_HEAP_TIMEOUT + " s" : "")
                            + " (" + o.sidecars + "/" + briefs + " images" + (o.exitCode == -1 ? "" : ", exit " + o.exitCode) + ")";
                    rss.computeIfAbsent(client, k -> new ArrayList<>()).add(o.peakRssMib);
                    wall.computeIfAbsent(client, k -> new ArrayList<>()).add(o.wallSeconds);
                    results.computeIfAbsent(client, k -> new ArrayList<>()).add(result);
                    log(String.format(Locale.ROOT, "  run %d %-12s %s, rss %.0f MiB, wall %.1f s", run, client, result,
                            o.peakRssMib, o.wallSeconds));
                }
            }
        }
        section("3. Small heap",
                "Every client JVM runs with `-Xmx128m`: 64 briefs, ~4 MiB PNG (~5.6 MB of base64 per reply), 200 ms "
                        + "latency, concurrency 16. Peak RSS = the child's VmHWM from /proc, polled every 50 ms. "
                        + "A run that has not finished after " + SMALL_HEAP_TIMEOUT + " s (the floor needs a few) is killed and reported as hung; "
                        + "the images column counts sidecars written.");
        report.append("| client | result per run | peak RSS MiB | wall s |\n|---|---|---|---|\n");
        for (String client : rss.keySet()) {
            report.append("| ").append(label(client)).append(" | ").append(String.join("; ", results.get(client)))
                    .append(" | ").append(fmt(rss.get(client), 0)).append(" | ").append(fmt(wall.get(client), 1)).append(" |\n");
        }
        if (results.containsKey("brief2image")) {
            target("brief2image completes under -Xmx128m with no error",
                    results.get("brief2image").stream().allMatch("ok"::equals), String.join("; ", results.get("brief2image")));
        }
    }

    /** 4. Launch to health UP (service mode), and --once wall time for one brief. */
    void start() throws Exception {
        int n = Math.max(runs, 5);
        log("scenario 4: start");
        List<Double> ready = new ArrayList<>();
        List<Double> once = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        try (StandInProcess standIn = StandInProcess.start(this, 0, 64 * 1024)) {
            for (int run = 1; run <= n; run++) {
                Path dir = freshDir("s4-ready-" + run);
                int httpPort = freePort();
                Child child = Child.start(b2iCommand(standIn, dir, 8, httpPort, List.of(), List.of(), false), dir, dir.resolve("child.log"));
                double secs = awaitHealthy(child, httpPort);
                ready.add(secs);
                child.process.destroy();
                child.await(60);
                log(String.format(Locale.ROOT, "  run %d ready in %.2f s", run, secs));

                Outcome o = runClient(standIn, "s4-once", "brief2image", run, 1, 8, List.of(), List.of());
                require(o, 1);
                once.add(o.wallSeconds);
                rss.add(o.peakRssMib);
                log(String.format(Locale.ROOT, "  run %d --once (1 brief) %.2f s", run, o.wallSeconds));
            }
        }
        section("4. Start",
                "Launch of `java -jar target/brief2image.jar` (service mode, embedded broker, empty inbox) until "
                        + "`GET /observe/health` answers 200 with `UP` (polled every 20 ms); and the wall time of `--once` "
                        + "with one brief (64 KiB PNG, no latency), launch to exit. " + n + " runs each.");
        report.append("| measure | seconds |\n|---|---|\n");
        report.append("| launch → health UP | ").append(fmt(ready, 2)).append(" |\n");
        report.append("| `--once`, one brief, launch → exit | ").append(fmt(once, 2)).append(" |\n");
        report.append("| peak RSS of the `--once` run (MiB) | ").append(fmt(rss, 0)).append(" |\n");
    }

    /** 6. The guidelines with the world data: load and index once, then screening per brief. */
    void screening() {
        log("scenario 6: screening");
        List<Double> loadCpu = new ArrayList<>();
        List<Double> loadWall = new ArrayList<>();
        List<Double> briefCpu = new ArrayList<>();
        List<Double> briefWall = new ArrayList<>();
        int entries = 0;
        for (int run = 1; run <= runs; run++) {
            ScreeningBench.Result r = ScreeningBench.once();
            loadCpu.add(r.loadCpuMs());
            loadWall.add(r.loadWallMs());
            briefCpu.add(r.briefCpuMs());
            briefWall.add(r.briefWallMs());
            entries = r.entries();
            log(String.format(Locale.ROOT, "  run %d load %.0f ms cpu, brief %.3f ms cpu / %.3f ms wall", run,
                    r.loadCpuMs(), r.briefCpuMs(), r.briefWallMs()));
        }
        section("6. Screening",
                "The guidelines with the world data (" + entries + " entries of src/main/resources/world/), in the "
                        + "benchmark's own JVM: reading and indexing it (on a background thread in the service, so start "
                        + "does not wait), then `screenBrief` over " + ScreeningBench.BRIEFS.size() + " typical briefs "
                        + "(names of each kind, traps, Hangul, Kana, Cyrillic), after 20000 warm-up calls, for 3 s.");
        report.append("| measure | ms |\n|---|---|\n");
        report.append("| world data read + indexed, CPU | ").append(fmt(loadCpu, 0)).append(" |\n");
        report.append("| world data read + indexed, wall | ").append(fmt(loadWall, 0)).append(" |\n");
        report.append("| screening one brief, CPU | ").append(fmt(briefCpu, 3)).append(" |\n");
        report.append("| screening one brief, wall | ").append(fmt(briefWall, 3)).append(" |\n");
        target("screening ≤ 1 ms per brief (CPU)", median(briefCpu) <= 1.0,
                String.format(Locale.ROOT, "%.3f ms", median(briefCpu)));
    }

    /** 5. images-per-minute=120 over 60 images: spacing of request starts at the stand-in. */
    void pacing() throws Exception {
        int briefs = 60;
        log("scenario 5: pacing");
        List<Double> mean = new ArrayList<>();
        List<Double> medianGap = new ArrayList<>();
        List<Double> minGap = new ArrayList<>();
        List<Double> maxGap = new ArrayList<>();
        List<Double> within = new ArrayList<>();
        try (StandInProcess standIn = StandInProcess.start(this, 0, 64 * 1024)) {
            for (int run = 1; run <= runs; run++) {
                Outcome o = runClient(standIn, "s5", "brief2image", run, briefs, 8, List.of(),
                        List.of("images-per-minute=120"));
                require(o, briefs);
                List<Long> t = o.arrivalsMicros;
                List<Double> gaps = new ArrayList<>();
                for (int i = 1; i < t.size(); i++) {
                    gaps.add((t.get(i) - t.get(i - 1)) / 1e6);
                }
                double m = (t.get(t.size() - 1) - t.get(0)) / 1e6 / (t.size() - 1);
                mean.add(m);
                medianGap.add(median(gaps));
                minGap.add(gaps.stream().mapToDouble(d -> d).min().orElse(0));
                maxGap.add(gaps.stream().mapToDouble(d -> d).max().orElse(0));
                within.add(100.0 * gaps.stream().filter(g -> Math.abs(g - 0.5) <= 0.025).count() / gaps.size());
                log(String.format(Locale.ROOT, "  run %d mean gap %.4f s, median %.4f, min %.4f, max %.4f", run, m,
                        median(gaps), minGap.get(minGap.size() - 1), maxGap.get(maxGap.size() - 1)));
            }
        }
        section("5. Pacing",
                "`images-per-minute=120`, 60 briefs of one image (64 KiB PNG, no latency), concurrency 8. Gaps between "
                        + "consecutive request arrivals as timestamped by the stand-in (`RecordedRequest.receivedAtMicros`); "
                        + "target: within 5 % of 0.5 s.");
        report.append("| measure | value |\n|---|---|\n");
        report.append("| mean gap (first→last arrival ÷ 59), s | ").append(fmt(mean, 4)).append(" |\n");
        report.append("| median gap, s | ").append(fmt(medianGap, 4)).append(" |\n");
        report.append("| smallest gap, s | ").append(fmt(minGap, 4)).append(" |\n");
        report.append("| largest gap, s | ").append(fmt(maxGap, 4)).append(" |\n");
        report.append("| gaps within 0.5 s ± 5 %, % | ").append(fmt(within, 0)).append(" |\n");
        target("mean gap within 5 % of 0.5 s", Math.abs(median(mean) - 0.5) <= 0.025,
                String.format(Locale.ROOT, "%.4f s", median(mean)));
    }

    // ---------------------------------------------------------------- one client run

    static final class Outcome {
        int exitCode;
        int sidecars;
        double wallSeconds;
        double peakRssMib;
        String output;
        List<Instant> created = new ArrayList<>();
        List<Long> arrivalsMicros = new ArrayList<>();

        List<Instant> createdSorted() {
            return created.stream().sorted().toList();
        }
    }

    Outcome runClient(StandInProcess standIn, String scenario, String client, int run, int briefs, int concurrency,
                      List<String> jvmOptions, List<String> settings) throws Exception {
        return runClient(standIn, scenario, client, run, briefs, concurrency, jvmOptions, settings, 900);
    }

    Outcome runClient(StandInProcess standIn, String scenario, String client, int run, int briefs, int concurrency,
                      List<String> jvmOptions, List<String> settings, long timeoutSeconds) throws Exception {
        Path dir = freshDir(scenario + "-" + client + "-" + run);
        writeBriefs(dir.resolve("inbox"), briefs);
        standIn.clearRequests();
        System.gc();
        Child child;
        if (client.equals("brief2image")) {
            child = Child.start(b2iCommand(standIn, dir, concurrency, freePort(), jvmOptions, settings, true), dir,
                    dir.resolve("child.log"));
        } else {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classpath, Baseline.class.getName(), client, standIn.baseUrl(),
                    dir.resolve("inbox").toString(), dir.resolve("outbox").toString(), String.valueOf(concurrency)));
            child = Child.start(command, dir, dir.resolve("child.log"));
        }
        Outcome o = new Outcome();
        o.exitCode = child.await(timeoutSeconds);
        o.wallSeconds = child.elapsedSeconds();
        o.peakRssMib = child.peakRssMib();
        o.output = child.output();
        try (Stream<Path> files = Files.walk(dir.resolve("outbox"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[^.].*-\\d+\\.json")).toList()) {
                o.created.add(Instant.parse(JSON.readTree(f.toFile()).path("created").asText()));
            }
        }
        o.sidecars = o.created.size();
        o.arrivalsMicros = standIn.arrivals();
        if (keep) {
            Files.write(dir.resolve("arrivals.txt"), o.arrivalsMicros.stream().map(String::valueOf).toList());
        }
        if (o.exitCode != 0) {
            log("  " + client + " exit " + o.exitCode + ": " + tail(o.output, 600));
        }
        if (!keep) {
            deleteTree(dir.resolve("outbox"));
        }
        return o;
    }

    List<String> b2iCommand(StandInProcess standIn, Path dir, int concurrency, int httpPort, List<String> jvmOptions,
                            List<String> settings, boolean once) throws IOException {
        List<String> command = new ArrayList<>(List.of(b2iJava));
        command.addAll(jvmOptions);
        command.addAll(b2iOpts);
        command.addAll(List.of("-jar", jar.toString()));
        if (once) {
            command.add("--once");
        }
        List<String> all = new ArrayList<>(List.of("provider=openai", "openai-base-url=" + standIn.baseUrl(),
                "openai-api-key=sk-bench", "expansion=rules", "concurrency=" + concurrency, "inbox-quiet-ms=50",
                "http-port=" + httpPort, "broker-listen=tcp://127.0.0.1:" + freePort(),
                "inbox=" + dir.resolve("inbox"), "outbox=" + dir.resolve("outbox"), "failed=" + dir.resolve("failed"),
                "data=" + dir.resolve("data")));
        all.addAll(settings);
        for (String s : all) {
            command.add("--set");
            command.add(s);
        }
        return command;
    }

    double awaitHealthy(Child child, int port) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/observe/health");
        while (child.process.isAlive() && child.elapsedSeconds() < 120) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return child.elapsedSeconds();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new IllegalStateException("brief2image did not become healthy: " + tail(child.output(), 2000));
    }

    static void writeBriefs(Path inbox, int n) throws IOException, InterruptedException {
        Files.createDirectories(inbox);
        for (int i = 1; i <= n; i++) {
            String prompt = "a red bicycle leaning on a sunny wall in Lisbon, number " + i;
            Files.writeString(inbox.resolve(String.format("b%04d.json", i)),
                    "{\"prompt\": \"" + prompt + "\", \"n\": 1, \"expand\": false}");
        }
        // let the files age past brief2image's inbox-quiet-ms before any client starts
        TimeUnit.MILLISECONDS.sleep(100);
    }

    /** The order of clients changes every run, so slow drift (other builds on the machine) spreads evenly. */
    static List<String> rotate(List<String> clients, int run) {
        List<String> order = new ArrayList<>(clients);
        Collections.rotate(order, -(run - 1));
        return order;
    }

    // ---------------------------------------------------------------- the stand-in JVM

    static final class StandInProcess implements AutoCloseable {
        final Process process;
        final int port;

        private StandInProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static StandInProcess start(BenchMain bench, long latencyMillis, int bytes) throws Exception {
            Process process = new ProcessBuilder(bench.java, "-Xmx1g", "-cp", bench.classpath, StandIn.class.getName(),
                    String.valueOf(latencyMillis), String.valueOf(bytes)).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("READY ")) {
                System.out.println("[stand-in] " + line);
            }
            if (line == null) {
                throw new IllegalStateException("stand-in did not start");
            }
            Thread drain = new Thread(() -> {
                try {
                    while (reader.readLine() != null) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            StandInProcess standIn = new StandInProcess(process, Integer.parseInt(line.substring(6).trim()));
            standIn.warmUp();
            return standIn;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port + "/v1";
        }

        /** A few requests so the stand-in's own JIT warm-up does not land in the first measured run. */
        void warmUp() throws Exception {
            Baseline.Client floor = Baseline.floor(baseUrl());
            for (int i = 0; i < 24; i++) {
                floor.render("warm-up " + i, OutputStream.nullOutputStream());
            }
        }

        void clearRequests() throws Exception {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_offline/requests")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        /** Arrival times (epoch µs) of the image requests since the last clear, in order. */
        List<Long> arrivals() throws Exception {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_offline/requests")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            List<Long> times = new ArrayList<>();
            for (JsonNode request : JSON.readTree(r.body())) {
                if (request.path("path").asText().startsWith("/v1/images")) {
                    times.add(request.path("receivedAtMicros").asLong());
                }
            }
            times.sort(Comparator.naturalOrder());
            return times;
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- report helpers

    void header(Instant started) throws IOException {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        String mem = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            mem = lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse(mem);
        } catch (IOException ignored) {
            // not Linux
        }
        report.append("# Benchmarks\n\n");
        report.append("Generated by `io.brief2image.bench.BenchMain` (src/bench/java). Reproduce with:\n\n");
        report.append("```bash\nmvn -B -Pbench -DskipTests package\n```\n\n");
        report.append("(options: `-Dbench.args=\"--runs 5 --scenarios 1,3\"`; see BenchMain's javadoc). ");
        report.append("The default build (`mvn -B verify`) neither compiles nor runs any of this.\n\n");
        report.append("- Date: ").append(started.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0)).append(" UTC\n");
        report.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu)
                .append("), ").append(mem).append(" RAM, ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        report.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(" for the stand-in and the baselines");
        report.append(b2iJava.equals(java) ? ", and for brief2image" : "; brief2image on `" + b2iJava + "`")
                .append(b2iOpts.isEmpty() ? "" : " with `" + String.join(" ", b2iOpts) + "`").append(" (default GC and heap unless a scenario says otherwise)\n");
        report.append("- Each figure is the **median of ").append(runs).append(" runs** (min–max in brackets) unless a scenario says "
                + "otherwise; the clients take turns within each run so that drift from other work on the machine spreads over all of them. "
                + "Other engineers' Maven builds may have been running on this machine at the same time.\n");
        report.append("- Stand-in: `OfflineImageServer` in its own JVM on loopback (fixed pre-encoded PNG, base64 streamed), "
                + "warmed up with 24 requests before the runs. Every client is a fresh child JVM and does the same job: read JSON briefs "
                + "from a folder, one image call per brief, write `outbox/<id>/<id>-1.png` + JSON sidecar (bytes, sha256, created) "
                + "atomically, at the same concurrency.\n");
        report.append("- Clients: **floor** = JDK HttpClient + Jackson `readBinaryValue` streaming the base64 into the file, fixed thread pool; "
                + "**openai-java** " + version("com.openai.client.OpenAIClient") + " `client.images().generate(...)`; "
                + "**LangChain4j** " + version("dev.langchain4j.model.openai.OpenAiImageModel") + " `OpenAiImageModel.generate(...)`; "
                + "**brief2image** = `java -jar target/brief2image.jar --once` with `provider=openai`, `openai-base-url=<stand-in>/v1`, "
                + "`expansion=rules`, `inbox-quiet-ms=50`, briefs `{\"prompt\": …, \"n\": 1, \"expand\": false}` in its inbox, "
                + "through the embedded persistent broker.\n");
    }

    static String version(String className) {
        try {
            String path = Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
            String file = path.substring(path.lastIndexOf('/') + 1);
            return file.replaceAll("\\.jar$", "");
        } catch (Exception e) {
            return "";
        }
    }

    void section(String title, String text) {
        report.append("\n## ").append(title).append("\n\n").append(text).append("\n\n");
    }

    void target(String what, boolean met, String value) {
        report.append("\n**Target: ").append(what).append(" — ").append(met ? "met" : "NOT met").append("** (").append(value).append(")\n");
    }

    static String label(String client) {
        if (client.equals("brief2image-warm")) {
            return "**brief2image** as a running service (warmed up)";
        }
        return switch (client) {
            case "floor" -> "floor (JDK HttpClient + Jackson streaming)";
            case "sdk" -> "openai-java SDK";
            case "langchain4j" -> "LangChain4j OpenAiImageModel";
            default -> "**brief2image** (jar, --once, broker)";
        };
    }

    static String fmt(List<Double> values, int decimals) {
        String f = "%." + decimals + "f";
        DoubleSummary s = DoubleSummary.of(values);
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", s.median, s.min, s.max);
    }

    record DoubleSummary(double median, double min, double max) {
        static DoubleSummary of(List<Double> values) {
            return new DoubleSummary(BenchMain.median(values), values.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                    values.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    static void require(Outcome o, int briefs) {
        if (o.sidecars != briefs) {
            throw new IllegalStateException("expected " + briefs + " sidecars, got " + o.sidecars + " (exit " + o.exitCode + "): "
                    + tail(o.output, 3000));
        }
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Path freshDir(String name) throws IOException {
        Path dir = work.resolve(name);
        deleteTree(dir);
        return Files.createDirectories(dir);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(f);
            }
        }
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
