package io.brief2image.brief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is reading which inbox file, for the inbox's {@code readLock: idempotent-changed}: one hidden
 * claim file per inbox file ({@code .<name>.claim}, beside it in the inbox every instance sees, as
 * Camel's own {@code .camelLock} markers are), created with O_EXCL so of
 * several instances polling one shared inbox exactly one wins a file. The claim lives only while
 * the file is read and queued (the route removes it on commit, after the file has been moved away,
 * and on rollback). Its owner refreshes it every third of the lease; a claim not refreshed for a
 * lease is a dead instance's and is taken over, and one whose owner is a process of this host that
 * no longer runs is taken over at once. This is the claims store used when no shared database is
 * configured; the clocks of hosts sharing the inbox must agree to well within the lease.
 */
public final class InboxClaims extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(InboxClaims.class);
    private static final String SUFFIX = ".claim";

    private final Path dir;
    private final ClaimOwner me;
    private final Duration lease;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService refresher;

    public InboxClaims(Path dir, ClaimOwner me, Duration lease) {
        this.dir = dir;
        this.me = me;
        this.lease = lease;
    }

    @Override
    public boolean add(String key) {
        Path claim = claimOf(key);
        try {
            Files.createDirectories(dir);
            startRefreshing();
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Files.write(claim, me.line().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    held.add(key);
                    return true;
                } catch (FileAlreadyExistsException taken) {
                    if (!expired(claim) || !takeOver(claim, key)) {
                        return false;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim inbox file " + key, e);
        }
    }

    @Override
    public boolean contains(String key) {
        Path claim = claimOf(key);
        return Files.exists(claim) && !expired(claim);
    }

    @Override
    public boolean remove(String key) {
        if (!held.remove(key)) {
            return false;
        }
        try {
            return Files.deleteIfExists(claimOf(key));
        } catch (IOException e) {
            LOG.warn("cannot remove the claim of inbox file {}; it expires after {} s", key, lease.toSeconds());
            return false;
        }
    }

    /** Nothing to confirm: a claim is complete once created. */
    @Override
    public boolean confirm(String key) {
        return held.contains(key);
    }

    @Override
    public void clear() {
        for (String key : Set.copyOf(held)) {
            remove(key);
        }
    }

    /** The inbox files this instance is reading now. */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    /**
     * Moves the dead claim aside (only one of several instances racing for it succeeds in the move),
     * and puts it back if what was moved turns out to be a claim another instance had just made.
     */
    private boolean takeOver(Path claim, String key) throws IOException {
        Path aside = dir.resolve(claim.getFileName() + ".expired-" + me.instanceId() + "-" + System.nanoTime());
        try {
            move(claim, aside);
        } catch (NoSuchFileException gone) {
            return true;
        }
        if (!expired(aside)) {
            try {
                move(aside, claim);
            } catch (FileAlreadyExistsException another) {
                Files.deleteIfExists(aside);
            }
            return false;
        }
        LOG.info("inbox file {} was claimed by {} which stopped; taking it over", key, ownerOf(aside));
        Files.deleteIfExists(aside);
        return true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private boolean expired(Path claim) {
        try {
            Instant refreshed = Files.getLastModifiedTime(claim).toInstant();
            if (refreshed.plus(lease).isBefore(Instant.now())) {
                return true;
            }
            return ClaimOwner.parse(Files.readString(claim)).map(ClaimOwner::goneFromThisHost).orElse(false);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private String ownerOf(Path claim) {
        try {
            return ClaimOwner.parse(Files.readString(claim)).map(ClaimOwner::instanceId).orElse("an unknown instance");
        } catch (IOException e) {
            return "an unknown instance";
        }
    }

    /** A claim file per key; a key is an inbox file name, encoded so that any name gives one safe file name. */
    private Path claimOf(String key) {
        String name = URLEncoder.encode(key, StandardCharsets.UTF_8);
        if (name.length() > 200) {
            name = "h-" + Integer.toHexString(key.hashCode()) + "-" + name.substring(name.length() - 150);
        }
        // hidden: the inbox route, --once and people's tools all pass over dot files
        return dir.resolve("." + name + SUFFIX);
    }

    private synchronized void startRefreshing() {
        if (refresher == null) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "brief2image-inbox-claims");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(100, lease.toMillis() / 3);
            refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        FileTime now = FileTime.from(Instant.now());
        for (String key : held) {
            try {
                Files.setLastModifiedTime(claimOf(key), now);
            } catch (IOException e) {
                LOG.debug("cannot refresh the claim of inbox file {}: {}", key, e.getMessage());
            }
        }
    }

    @Override
    protected void doStart() {
        // refreshing starts with the first claim
    }

    /** Stops refreshing; claims still held are left to expire, as a dead instance's are. */
    @Override
    protected synchronized void doStop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }
}
