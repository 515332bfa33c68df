package io.brief2image.app;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's Vert.x (and with it Netty), made on a thread of its own while Camel sets up,
 * instead of on the main thread when the server starts; bound under {@code vertx}, so
 * camel-platform-http-vertx uses it rather than making one. It serves only what the routes reply
 * (nothing from the class path), so class-path file resolving is off (no vertx-cache folder under
 * /tmp at every start), and two event loops are plenty for probes, metrics and the status page.
 * Since Camel did not make it, Camel does not close it: this does, once the context has stopped.
 */
final class HttpServerVertx extends LifecycleStrategySupport implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerVertx.class);

    private final StartInParallel<Vertx> making = StartInParallel.begin("vertx", () -> Vertx.vertx(options()));
    private Vertx vertx;

    static VertxOptions options() {
        return new VertxOptions().setEventLoopPoolSize(2).setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false));
    }

    /** Binds the instance (waiting for what is left of its making), to be closed with {@code context}. */
    @Override
    public void configure(CamelContext context) {
        vertx = making.take();
        context.addLifecycleStrategy(this);
        context.getRegistry().bind("vertx", vertx);
    }

    @Override
    public void onContextStopped(CamelContext context) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the HTTP server's Vert.x did not close within 10 s: {}", e.getMessage());
        }
    }
}
