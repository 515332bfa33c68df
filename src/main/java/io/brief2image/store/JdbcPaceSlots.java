package io.brief2image.store;

import static io.brief2image.store.StoreAccess.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PaceSlots} in table pace: one conditional UPDATE that hands back the row it moved. */
final class JdbcPaceSlots implements PaceSlots {

    private final StoreAccess access;
    private final Backend backend;
    /** Starts are kept five minutes: the status page asks for the last one. */
    private static final long KEPT_MICROS = 5 * 60_000_000L;

    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong starts = new java.util.concurrent.atomic.AtomicLong();

    JdbcPaceSlots(StoreAccess access, Backend backend) {
        this.access = access;
        this.backend = backend;
    }

    @Override
    public long claim(String name, long intervalMicros, long nowMicros) {
        ensureRow(name);
        long next = access.call("claim a provider slot", c -> {
            try (PreparedStatement s = c.prepareStatement(backend.claimPaceSlot)) {
                s.setLong(1, nowMicros);
                s.setLong(2, intervalMicros);
                s.setString(3, name);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long claimed = r.getLong(1);
                    recordStart(c, name, claimed - intervalMicros, nowMicros);
                    return claimed;
                }
            }
        });
        return next - intervalMicros;
    }

    /** One row per start, for {@link #claimedBetween}; every hundredth start drops the rows older than the kept window. */
    private void recordStart(java.sql.Connection c, String name, long startMicros, long nowMicros) throws java.sql.SQLException {
        update(c, "INSERT INTO pace_start (name, started_at) VALUES (?, ?)", name, startMicros);
        if (starts.incrementAndGet() % 100 == 0) {
            update(c, "DELETE FROM pace_start WHERE name = ? AND started_at < ?", name, nowMicros - KEPT_MICROS);
        }
    }

    @Override
    public int claimedBetween(String name, long fromMicros, long toMicros) {
        return access.once("count the provider's starts", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pace_start WHERE name = ? AND started_at BETWEEN ? AND ?")) {
                s.setString(1, name);
                s.setLong(2, fromMicros);
                s.setLong(3, toMicros);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public void notBefore(String name, long atMicros) {
        ensureRow(name);
        access.call("space the provider's requests", c -> {
            return update(c, "UPDATE pace SET next_start = GREATEST(next_start, ?) WHERE name = ?", atMicros, name);
        });
    }

    private void ensureRow(String name) {
        if (created.contains(name)) {
            return;
        }
        access.call("create a pace row", c -> {
            return update(c, "INSERT INTO pace (name, next_start) VALUES (?, 0) ON CONFLICT DO NOTHING", name);
        });
        created.add(name);
    }
}
