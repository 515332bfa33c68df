package io.brief2image.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** {@link SpendLedger} in table spend_day: one row per day, one statement per reservation. */
final class JdbcSpendLedger implements SpendLedger {

    private static final String RESERVE = "UPDATE spend_day SET reserved_nanos = reserved_nanos + ?"
            + " WHERE spend_date = ? AND spent_nanos + reserved_nanos + ? <= COALESCE(limit_nanos, ?)";

    private final StoreAccess access;

    JdbcSpendLedger(StoreAccess access) {
        this.access = access;
    }

    @Override
    public boolean reserve(LocalDate day, long nanos, long limitNanos) {
        return access.call("reserve budget", c -> {
            int updated = reserve(c, day, nanos, limitNanos);
            if (updated == 0) {
                // perhaps the day has no row yet: made here or by a concurrent first request (which then
                // refused this one only because its row was not there yet), the reservation is tried again
                createDay(c, day);
                updated = reserve(c, day, nanos, limitNanos);
            }
            return updated == 1;
        });
    }

    private static int reserve(Connection c, LocalDate day, long nanos, long limitNanos) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RESERVE)) {
            s.setLong(1, nanos);
            s.setDate(2, Date.valueOf(day));
            s.setLong(3, nanos);
            s.setLong(4, limitNanos);
            return s.executeUpdate();
        }
    }

    /** Makes the day's row unless it is there (made here or by a concurrent first request). */
    private static void createDay(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO spend_day (spend_date, spent_nanos, reserved_nanos) VALUES (?, 0, 0) ON CONFLICT DO NOTHING")) {
            s.setDate(1, Date.valueOf(day));
            s.executeUpdate();
        }
    }

    @Override
    public void setLimit(LocalDate day, long limitNanos) {
        access.call("set the daily budget", c -> {
            for (int attempt = 0; attempt < 2; attempt++) {
                try (PreparedStatement s = c.prepareStatement("UPDATE spend_day SET limit_nanos = ? WHERE spend_date = ?")) {
                    s.setLong(1, limitNanos);
                    s.setDate(2, Date.valueOf(day));
                    if (s.executeUpdate() == 1) {
                        return null;
                    }
                }
                createDay(c, day);
            }
            return null;
        });
    }

    @Override
    public void settle(LocalDate day, long reservedNanos, long actualNanos) {
        change("settle budget", day, actualNanos, -reservedNanos);
    }

    @Override
    public void release(LocalDate day, long reservedNanos) {
        change("release budget", day, 0, -reservedNanos);
    }

    @Override
    public void addSpent(LocalDate day, long nanos) {
        change("record spend", day, nanos, 0);
    }

    private void change(String what, LocalDate day, long spentDelta, long reservedDelta) {
        access.call(what, c -> {
            change(c, day, spentDelta, reservedDelta);
            return null;
        });
    }

    /** Adds to the day's figures on {@code c} (in the caller's transaction), making its row first when it has none. */
    static void change(Connection c, LocalDate day, long spentDelta, long reservedDelta) throws SQLException {
        String sql = "UPDATE spend_day SET spent_nanos = spent_nanos + ?, reserved_nanos = reserved_nanos + ? WHERE spend_date = ?";
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, spentDelta);
                s.setLong(2, reservedDelta);
                s.setDate(3, Date.valueOf(day));
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
            createDay(c, day);
        }
    }

    @Override
    public DaySpend day(LocalDate day) {
        return access.once("read today's spend", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT spent_nanos, reserved_nanos, limit_nanos FROM spend_day WHERE spend_date = ?")) {
                s.setDate(1, Date.valueOf(day));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return new DaySpend(0, 0);
                    }
                    long limit = r.getLong(3);
                    boolean noLimit = r.wasNull(); // asked right after the column it is about
                    return new DaySpend(r.getLong(1), r.getLong(2), noLimit ? NO_LIMIT_SET : limit);
                }
            }
        });
    }
}
