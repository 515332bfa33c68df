package io.brief2image.broker;

import io.brief2image.base.Queues;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.broker.region.policy.SharedDeadLetterStrategy;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default broker: ActiveMQ Classic, persistent in KahaDB under the data folder, reachable
 * in-process over vm:// and by local systems (and {@code submit}) on the listen address.
 */
public final class EmbeddedBroker extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    public static final String NAME = "brief2image";

    private final Path dataDir;
    private final String listen;
    private volatile BrokerService broker;
    private CompletableFuture<BrokerService> starting;

    public EmbeddedBroker(Path dataDir, String listen) {
        this.dataDir = dataDir;
        this.listen = listen;
    }

    public static String vmUrl() {
        return "vm://" + NAME + "?create=false";
    }

    /**
     * Starts the broker on a thread of its own, so KahaDB's recovery and the broker's start run
     * while Camel loads routes and opens the HTTP server; {@link #doStart} waits for it. Nothing
     * connects before doStart returns: the consumers start after the context's services.
     */
    public synchronized void startEarly() {
        if (starting == null) {
            starting = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    starting.complete(startBroker());
                } catch (Throwable e) {
                    starting.completeExceptionally(e);
                }
            }, "brief2image-broker-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    protected void doStart() throws Exception {
        startEarly();
        try {
            broker = starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private BrokerService startBroker() throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName(NAME);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        // advisories stay on: clients learn about temporary reply queues of other connections through them
        broker.setPersistent(true);
        Path dir = dataDir.resolve("broker").toAbsolutePath();
        broker.setDataDirectoryFile(dir.toFile());
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve("kahadb").toFile());
        broker.setPersistenceAdapter(kahaDb);
        broker.getSystemUsage().getStoreUsage().setLimit(8L * 1024 * 1024 * 1024);
        broker.getSystemUsage().getTempUsage().setLimit(2L * 1024 * 1024 * 1024);
        broker.setDestinationPolicy(resultEventsExpireQuietly());
        // The broker owns its in-VM connector. Without it, the first vm:// client creates one that
        // disposes itself when its connection count drops to zero: a health probe closing the only
        // connection then tore the connector down while the JMS consumers were connecting through
        // it at start, killing their sessions ("peer stopped", "The Consumer is closed"). A
        // connector bound by the broker lives as long as the broker, whoever connects and leaves.
        broker.addConnector("vm://" + NAME);
        if (listen != null && !listen.isBlank()) {
            broker.addConnector(listen);
        }
        broker.start();
        broker.waitUntilStarted();
        LOG.info("embedded ActiveMQ broker started (data {}, listening on {})", dir, listen == null || listen.isBlank() ? "vm only" : listen);
        return broker;
    }

    /**
     * Result events that nobody reads expire (see brief2image.result-ttl-hours) and are dropped,
     * not parked on ActiveMQ.DLQ: the outbox holds the results, and the store must not fill up.
     */
    private static PolicyMap resultEventsExpireQuietly() {
        SharedDeadLetterStrategy noExpiredToDlq = new SharedDeadLetterStrategy();
        noExpiredToDlq.setProcessExpired(false);
        PolicyEntry images = new PolicyEntry();
        images.setQueue(Queues.IMAGES);
        images.setDeadLetterStrategy(noExpiredToDlq);
        PolicyMap policies = new PolicyMap();
        policies.setPolicyEntries(java.util.List.of(images));
        return policies;
    }

    @Override
    protected void doStop() throws Exception {
        if (broker == null && starting != null) {
            // stopped before doStart took it (a failed start): the early start may still finish
            broker = starting.handle((b, e) -> b).get();
        }
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
        broker = null;
        synchronized (this) {
            starting = null;
        }
    }

    public BrokerService broker() {
        return broker;
    }

    /** True once the broker has started all its connectors, and until it begins to stop. */
    public boolean running() {
        BrokerService b = broker;
        return b != null && b.isStarted() && !b.isStopping() && !b.isStopped();
    }

    /** Consumers the broker has on a queue; -1 when it is not running. */
    public long consumersOn(String queue) {
        if (!running()) {
            return -1;
        }
        try {
            Destination destination = broker.getDestination(new ActiveMQQueue(queue));
            return destination == null ? 0 : destination.getConsumers().size();
        } catch (Exception e) {
            return -1;
        }
    }
}
