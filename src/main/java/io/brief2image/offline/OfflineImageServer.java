package io.brief2image.offline;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that speaks OpenAI's image API (and a Stable Diffusion WebUI subset),
 * answering with deterministic preview images so pipelines run without network or cost.
 */
public final class OfflineImageServer implements AutoCloseable {

    static final String CONTROL_PREFIX = "/_offline";
    /** Enough handler threads that dozens of slow (latency, hang) requests are served side by side. */
    private static final int HANDLER_THREADS = 64;
    private static final int ACCEPT_BACKLOG = 128;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final FaultLayer faults;
    private final RequestLog log;
    private final ServerLifetime lifetime;

    private OfflineImageServer(HttpServer server, ExecutorService handlers, FaultLayer faults, RequestLog log,
                               ServerLifetime lifetime) {
        this.server = server;
        this.handlers = handlers;
        this.faults = faults;
        this.log = log;
        this.lifetime = lifetime;
    }

    public static OfflineImageServer start(OfflineOptions options) throws IOException {
        PreviewSource previews = new PreviewSource(options);
        RequestLog log = new RequestLog();
        ServerLifetime lifetime = new ServerLifetime();
        FaultLayer faults = FaultLayer.of(options.faults(), log, lifetime);
        ServedModels models = ServedModels.BUNDLED;
        OfflineFiles files = new OfflineFiles();
        OfflineBatches batches = new OfflineBatches(files, models, faults, previews, options.batchDelayMillis());
        List<ApiEndpoint> endpoints = new java.util.ArrayList<>(List.of(
                new ModelsEndpoint(models),
                new GenerationsEndpoint(previews, models),
                new EditsEndpoint(previews, models),
                new ResponsesEndpoint(previews, models),
                new ModerationsEndpoint(),
                StableDiffusionEndpoint.txt2img(previews),
                StableDiffusionEndpoint.img2img(previews)));
        endpoints.addAll(BatchApiRoutes.of(files, batches, options.downloadBytesPerSecond()));

        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), ACCEPT_BACKLOG);
        server.createContext("/", new RequestRouter(endpoints, log, faults, lifetime,
                Duration.ofMillis(options.latencyMillis())));
        ExecutorService handlers = handlerPool();
        server.setExecutor(handlers);
        server.start();
        return new OfflineImageServer(server, handlers, faults, log, lifetime);
    }

    private static ExecutorService handlerPool() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "offline-image-" + counter.incrementAndGet());
            thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return sdWebUiUrl() + "/v1";
    }

    public String sdWebUiUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The queue of faults the next requests meet.
     *
     * @throws IllegalStateException when the server was started without {@link OfflineOptions#withFaults}
     */
    public FaultPlan faults() {
        return faults.plan();
    }

    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    public void clearRequests() {
        log.clear();
    }

    /** Returns promptly even while handlers hang: they are woken and their connections dropped. */
    @Override
    public void close() {
        lifetime.close();
        server.stop(0);
        handlers.shutdownNow();
    }
}
