package io.brief2image.store;

import static io.brief2image.store.StoreAccess.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link BudgetPause} in table budget_pause: one row per waiting instance. */
final class JdbcBudgetPause implements BudgetPause {

    private final StoreAccess access;
    private final Clock clock;
    private final java.time.Duration alive;

    /** @param alive how recent an instance's heartbeat must be for its pause to count (a dead instance waits for nothing) */
    JdbcBudgetPause(StoreAccess access, Clock clock, java.time.Duration alive) {
        this.access = access;
        this.clock = clock;
        this.alive = alive;
    }

    @Override
    public void pause(String instance, String reason) {
        long now = clock.millis();
        access.call("note a budget pause", c -> {
            if (update(c, "UPDATE budget_pause SET reason = ? WHERE instance = ?", reason, instance) == 1) {
                return null;
            }
            update(c, "INSERT INTO budget_pause (instance, reason, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    instance, reason, now);
            return null;
        });
    }

    @Override
    public void resume(String instance) {
        access.call("end a budget pause", c -> {
            return update(c, "DELETE FROM budget_pause WHERE instance = ?", instance);
        });
    }

    @Override
    public List<Paused> current() {
        long since = clock.millis() - alive.toMillis();
        return access.once("read the budget pauses", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT p.instance, p.reason, p.since FROM budget_pause p"
                    + " JOIN heartbeat h ON h.instance = p.instance WHERE h.beat_at >= ? ORDER BY p.since")) {
                s.setLong(1, since);
                try (ResultSet r = s.executeQuery()) {
                    List<Paused> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(new Paused(r.getString(1), r.getString(2), r.getLong(3)));
                    }
                    return all;
                }
            }
        });
    }
}
