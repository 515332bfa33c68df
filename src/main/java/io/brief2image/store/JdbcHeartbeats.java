package io.brief2image.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Heartbeats} in table heartbeat: one row per instance, its last beat. */
final class JdbcHeartbeats implements Heartbeats {

    private final StoreAccess access;
    private final Clock clock;

    JdbcHeartbeats(StoreAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public void beat(String instance, String info) {
        long now = clock.millis();
        access.once("beat", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE heartbeat SET info = ?, beat_at = ? WHERE instance = ?")) {
                s.setString(1, info);
                s.setLong(2, now);
                s.setString(3, instance);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO heartbeat (instance, info, started_at, beat_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, instance);
                s.setString(2, info);
                s.setLong(3, now);
                s.setLong(4, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Beat> alive(Duration within) {
        long since = clock.millis() - within.toMillis();
        return access.once("read the heartbeats", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT instance, info, started_at, beat_at FROM heartbeat WHERE beat_at >= ? ORDER BY started_at, instance")) {
                s.setLong(1, since);
                try (ResultSet r = s.executeQuery()) {
                    List<Beat> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(new Beat(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)));
                    }
                    return all;
                }
            }
        });
    }
}
