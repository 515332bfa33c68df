package io.brief2image.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@link BriefLedger} in table brief_ledger: the primary key decides every claim. */
final class JdbcBriefLedger implements BriefLedger {

    private final StoreAccess access;
    private final Clock clock;

    JdbcBriefLedger(StoreAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Optional<Entry> read(String key) {
        return access.call("read the ledger", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT fingerprint, status, owner, lease_until, result FROM brief_ledger WHERE brief_key = ?")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Entry(key, r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getString(5)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean claim(String key, String fingerprint, String owner, Duration lease) {
        long now = clock.millis();
        return access.call("claim a brief", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO brief_ledger (brief_key, fingerprint, status, owner, lease_until,"
                    + " updated_at) VALUES (?, ?, 'started', ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, key);
                insert.setString(2, fingerprint);
                insert.setString(3, owner);
                insert.setLong(4, now + lease.toMillis());
                insert.setLong(5, now);
                if (insert.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement expired = c.prepareStatement("UPDATE brief_ledger SET fingerprint = ?, owner = ?, lease_until = ?, updated_at = ?"
                    + " WHERE brief_key = ? AND status = 'started' AND lease_until < ?")) {
                expired.setString(1, fingerprint);
                expired.setString(2, owner);
                expired.setLong(3, now + lease.toMillis());
                expired.setLong(4, now);
                expired.setString(5, key);
                expired.setLong(6, now);
                return expired.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean takeOver(Entry seen, String fingerprint, String owner, Duration lease) {
        long now = clock.millis();
        return access.call("take a brief over", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE brief_ledger SET fingerprint = ?, status = 'started', owner = ?, lease_until = ?,"
                    + " result = NULL, updated_at = ? WHERE brief_key = ? AND status = ? AND owner = ? AND fingerprint = ? AND lease_until = ?")) {
                s.setString(1, fingerprint);
                s.setString(2, owner);
                s.setLong(3, now + lease.toMillis());
                s.setLong(4, now);
                s.setString(5, seen.key());
                s.setString(6, seen.status());
                s.setString(7, seen.owner());
                s.setString(8, seen.fingerprint());
                s.setLong(9, seen.leaseUntil());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markDone(String key, String fingerprint, String result) {
        long now = clock.millis();
        access.call("record a done brief", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE brief_ledger SET status = 'done', fingerprint = ?, result = ?, lease_until = 0,"
                    + " updated_at = ? WHERE brief_key = ?")) {
                s.setString(1, fingerprint);
                s.setString(2, result);
                s.setLong(3, now);
                s.setString(4, key);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            // the claim was given up meanwhile (a crash recovery tidied it): the result is recorded all the same
            try (PreparedStatement s = c.prepareStatement("INSERT INTO brief_ledger (brief_key, fingerprint, status, owner, lease_until, result,"
                    + " updated_at) VALUES (?, ?, 'done', '', 0, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, key);
                s.setString(2, fingerprint);
                s.setString(3, result);
                s.setLong(4, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean isDone(String key) {
        return read(key).map(Entry::done).orElse(false);
    }

    @Override
    public void abandon(String key, String owner) {
        access.call("give a brief's id back", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM brief_ledger WHERE brief_key = ? AND owner = ? AND status = 'started'")) {
                s.setString(1, key);
                s.setString(2, owner);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void forget(String key) {
        access.call("forget a brief", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM brief_ledger WHERE brief_key = ?")) {
                s.setString(1, key);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int renew(String owner, Duration lease) {
        long until = clock.millis() + lease.toMillis();
        return access.once("renew the claims", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE brief_ledger SET lease_until = ? WHERE owner = ? AND status = 'started'")) {
                s.setLong(1, until);
                s.setString(2, owner);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int expire(String owner) {
        return access.call("end dead claims", c -> {
            try (PreparedStatement s = c.prepareStatement(owner == null
                    ? "UPDATE brief_ledger SET lease_until = 0 WHERE status = 'started'"
                    : "UPDATE brief_ledger SET lease_until = 0 WHERE status = 'started' AND owner = ?")) {
                if (owner != null) {
                    s.setString(1, owner);
                }
                return s.executeUpdate();
            }
        });
    }
}
