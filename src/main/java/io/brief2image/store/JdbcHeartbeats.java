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
    public void beat(String instance, String host, String info, int inFlight) {
        long now = clock.millis();
        access.once("beat", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE heartbeat SET info = ?, beat_at = ?, host = ?, in_flight = ? WHERE instance = ?")) {
                s.setString(1, info);
                s.setLong(2, now);
                s.setString(3, host);
                s.setInt(4, inFlight);
                s.setString(5, instance);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO heartbeat (instance, info, started_at, beat_at, host, in_flight) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, instance);
                s.setString(2, info);
                s.setLong(3, now);
                s.setLong(4, now);
                s.setString(5, host);
                s.setInt(6, inFlight);
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
                    "SELECT instance, info, started_at, beat_at, host, in_flight FROM heartbeat WHERE beat_at >= ? ORDER BY started_at, instance")) {
                s.setLong(1, since);
                try (ResultSet r = s.executeQuery()) {
                    List<Beat> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(new Beat(r.getString(1), java.util.Objects.toString(r.getString(5), ""), r.getString(2), r.getInt(6), r.getLong(3), r.getLong(4)));
                    }
                    return all;
                }
            }
        });
    }
}
