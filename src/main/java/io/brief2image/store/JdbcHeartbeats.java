package io.brief2image.store;

import static io.brief2image.store.StoreAccess.update;

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
            if (update(c, "UPDATE heartbeat SET info = ?, beat_at = ?, host = ?, in_flight = ? WHERE instance = ?",
                    info, now, host, inFlight, instance) == 1) {
                return null;
            }
            update(c, "INSERT INTO heartbeat (instance, info, started_at, beat_at, host, in_flight) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    instance, info, now, now, host, inFlight);
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
