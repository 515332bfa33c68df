package io.brief2image.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open store: one connection pool, the schema made or migrated at open when it is not current
 * (Flyway, or {@link NewEmbeddedStore} for a new embedded one), and the concerns over it. Its instance name owns this process's claims; its heartbeat renews their leases, so they end
 * by themselves when the process dies. The embedded store belongs to one process at a time (H2 locks
 * its file), so claims found there at open were left by a dead run and end at once.
 */
public final class SharedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStore.class);

    /** The newest migration under db/store (V&lt;n&gt;__…sql): a store already at it opens without Flyway. */
    static final String SCHEMA_VERSION = "4";

    private final StoreConfig config;
    private final CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
    private final StoreAccess access;
    private final Clock clock;
    private final String instance;
    private final String host;
    private final BriefLedger ledger;
    private final SpendLedger spend;
    private final PaceSlots pace;
    private final BudgetPause pause;
    private final Heartbeats heartbeats;
    private final BatchRecords batches;
    private final List<InboxClaims> inboxClaims = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService beating;

    private SharedStore(StoreConfig config, Backend backend, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.access = new StoreAccess(pool, config.where());
        this.host = hostName();
        this.instance = (config.label() == null || config.label().isBlank() ? host + "-" + ProcessHandle.current().pid() : config.label())
                + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        this.ledger = new JdbcBriefLedger(access, clock);
        this.spend = new JdbcSpendLedger(access);
        this.pace = new JdbcPaceSlots(access, backend);
        this.pause = new JdbcBudgetPause(access, clock, config.lease());
        this.heartbeats = new JdbcHeartbeats(access, clock);
        this.batches = new BatchRecords(access, clock);
    }

    /** Opens (and creates or migrates) the store, and waits until it is open; the embedded one under {@code dataDir}/store. */
    public static SharedStore open(StoreConfig config, Clock clock) {
        SharedStore store = openInBackground(config, clock);
        store.awaitOpen();
        return store;
    }

    /**
     * Starts opening the store on a thread of its own and returns at once, so the service's start goes on
     * meanwhile (loading the JDBC driver, the pool and the schema check cost a few hundred ms); every call
     * waits for the opening, and {@link #awaitOpen()} says whether it worked.
     */
    public static SharedStore openInBackground(StoreConfig config, Clock clock) {
        SharedStore store = new SharedStore(config, config.embedded() ? Backend.H2 : Backend.POSTGRESQL, clock);
        Thread opener = new Thread(store::openNow, "store-open");
        opener.setDaemon(true);
        opener.start();
        return store;
    }

    /** Waits until the store is open; throws when it could not be opened (the reason names the store, never a password). */
    public void awaitOpen() {
        try {
            pool.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void openNow() {
        long begin = System.nanoTime();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("brief2image-store");
        if (config.embedded()) {
            // WRITE_DELAY=0: a commit reaches the file before the call returns, so a killed process loses no claim or spend
            hikari.setJdbcUrl("jdbc:h2:file:" + config.dataDir().resolve("store").resolve("brief2image").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
            hikari.setUsername("sa");
            hikari.setPassword("");
            hikari.setMinimumIdle(1);
        } else {
            hikari.setJdbcUrl(config.url());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
            hikari.setMinimumIdle(2);
            // fail a connection attempt fast, so an outage is seen (health) and retried instead of hanging a brief for 30 s
            hikari.setConnectionTimeout(2_000);
            hikari.setInitializationFailTimeout(-1);
        }
        hikari.setMaximumPoolSize(Math.max(2, config.poolSize()));
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(hikari);
            String migrated = new StoreSchema(config, pool::isDone).migrateWhenReachable(dataSource);
            if (config.embedded()) {
                endClaimsOfDeadRuns(dataSource);
            }
            migrated = LegacyFiles.importAtOpen(dataSource, config, clock, migrated);
            if (!pool.complete(dataSource)) {
                dataSource.close(); // closed while it was opening
                return;
            }
            LOG.info("shared store: {} (instance {}), opened in {} ms{}", config.where(), instance, (System.nanoTime() - begin) / 1_000_000,
                    migrated == null ? "" : ", " + migrated);
        } catch (RuntimeException | java.sql.SQLException | java.io.IOException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            pool.completeExceptionally(new IllegalStateException("the shared store (" + config.where() + ") could not be opened: "
                    + rootMessage(e), e));
        }
    }

    private static void endClaimsOfDeadRuns(HikariDataSource dataSource) throws java.sql.SQLException {
        int ended;
        try (java.sql.Connection c = dataSource.getConnection();
             PreparedStatement briefs = c.prepareStatement("UPDATE brief_ledger SET lease_until = 0 WHERE status = 'started'");
             PreparedStatement claims = c.prepareStatement("DELETE FROM inbox_claim");
             PreparedStatement pauses = c.prepareStatement("DELETE FROM budget_pause");
             // the runs that beat here are dead: their batch files are this run's at once (BatchRecords.takeOverFiles)
             PreparedStatement beats = c.prepareStatement("DELETE FROM heartbeat")) {
            ended = briefs.executeUpdate();
            claims.executeUpdate();
            pauses.executeUpdate();
            beats.executeUpdate();
        }
        if (ended > 0) {
            LOG.info("{} briefs were under way when the last run ended: they are made again when they come back", ended);
        }
    }

    public String instance() {
        return instance;
    }

    public boolean embedded() {
        return config.embedded();
    }

    public String where() {
        return config.where();
    }

    public Duration lease() {
        return config.lease();
    }

    public BriefLedger ledger() {
        return ledger;
    }

    public SpendLedger spend() {
        return spend;
    }

    public PaceSlots pace() {
        return pace;
    }

    public BudgetPause pause() {
        return pause;
    }

    public Heartbeats heartbeats() {
        return heartbeats;
    }

    /** Batch API state: open and submitted batch files, lines and download progress. */
    public BatchRecords batches() {
        return batches;
    }

    /** A claim repository for one file consumer (its route id or folder as {@code processor}). */
    public InboxClaims inboxClaims(String processor) {
        return inboxClaims(processor, instance);
    }

    InboxClaims inboxClaims(String processor, String owner) {
        InboxClaims claims = new InboxClaims(access, clock, processor, owner, config.lease());
        if (owner.equals(instance)) {
            inboxClaims.add(claims); // the heartbeat renews this instance's claims, nobody else's
        }
        return claims;
    }

    /** Once the service stops, a call waiting for the database gives up and its brief goes back to the queue. */
    public void stopping(BooleanSupplier stopping) {
        access.stopping(stopping);
    }

    /** Why the store does not answer now, if it does not; asks the database once. */
    public Optional<String> down() {
        try {
            access.once("check the store", c -> c.isValid(2));
        } catch (StoreUnavailable e) {
            return Optional.of(e.getMessage());
        }
        return Optional.ofNullable(access.downReason());
    }

    /**
     * Beats every third of the lease, renewing this instance's claims with it: its brief claims and the
     * inbox files it is reading ({@link InboxClaims#renew}), so a claim held longer than the lease stays
     * this instance's while it lives. {@code inFlight}: its requests under way, told to the fleet.
     */
    public synchronized void startHeartbeat(String info, java.util.function.IntSupplier inFlight) {
        if (beating != null) {
            return;
        }
        beating = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "store-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(200, config.lease().toMillis() / 3);
        beating.scheduleWithFixedDelay(() -> beat(info, inFlight), 0, every, TimeUnit.MILLISECONDS);
    }

    private void beat(String info, java.util.function.IntSupplier inFlight) {
        try {
            heartbeats.beat(instance, host, info, inFlight.getAsInt());
            ledger.renew(instance, config.lease());
            inboxClaims.forEach(InboxClaims::renew);
        } catch (StoreUnavailable e) {
            // said once by StoreAccess and shown by health; the next beat tries again
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of the shared store failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (beating != null) {
            beating.shutdownNow();
            beating = null;
        }
        if (pool.completeExceptionally(new IllegalStateException("the shared store is closed")) || pool.isCompletedExceptionally()) {
            return; // never opened (an opening still under way closes what it made)
        }
        HikariDataSource dataSource = pool.join();
        if (config.embedded()) {
            try (java.sql.Connection c = dataSource.getConnection()) {
                c.createStatement().execute("SHUTDOWN");
            } catch (java.sql.SQLException ignored) {
                // closing anyway
            }
        }
        dataSource.close();
    }

    /** Without a DNS look-up at start. An instance: its label (else host and pid) and a few random characters (a restart is a new one). */
    private static String hostName() {
        return Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
            } catch (Exception e) {
                return "host";
            }
        });
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
