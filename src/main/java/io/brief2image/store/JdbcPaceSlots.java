package io.brief2image.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PaceSlots} in table pace: one conditional UPDATE that hands back the row it moved. */
final class JdbcPaceSlots implements PaceSlots {

    private final StoreAccess access;
    private final Backend backend;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

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
                    return r.getLong(1);
                }
            }
        });
        return next - intervalMicros;
    }

    @Override
    public void notBefore(String name, long atMicros) {
        ensureRow(name);
        access.call("space the provider's requests", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE pace SET next_start = GREATEST(next_start, ?) WHERE name = ?")) {
                s.setLong(1, atMicros);
                s.setString(2, name);
                return s.executeUpdate();
            }
        });
    }

    private void ensureRow(String name) {
        if (created.contains(name)) {
            return;
        }
        access.call("create a pace row", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pace (name, next_start) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
                s.setString(1, name);
                return s.executeUpdate();
            }
        });
        created.add(name);
    }
}
