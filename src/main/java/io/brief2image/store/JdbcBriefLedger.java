package io.brief2image.store;

import static io.brief2image.store.StoreAccess.update;

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
            if (update(c, "INSERT INTO brief_ledger (brief_key, fingerprint, status, owner, lease_until, updated_at) VALUES (?, ?, 'started', ?, ?, ?) ON CONFLICT DO NOTHING",
                    key, fingerprint, owner, now + lease.toMillis(), now) == 1) {
                return true;
            }
            return update(c, "UPDATE brief_ledger SET fingerprint = ?, owner = ?, lease_until = ?, updated_at = ? WHERE brief_key = ? AND status = 'started' AND lease_until < ?",
                    fingerprint, owner, now + lease.toMillis(), now, key, now) == 1;
        });
    }

    @Override
    public boolean takeOver(Entry seen, String fingerprint, String owner, Duration lease) {
        long now = clock.millis();
        return access.call("take a brief over", c -> {
            return update(c, "UPDATE brief_ledger SET fingerprint = ?, status = 'started', owner = ?, lease_until = ?,"
                    + " result = CASE WHEN status <> 'done' AND fingerprint = ? THEN result ELSE NULL END, updated_at = ?"
                    + " WHERE brief_key = ? AND status = ? AND owner = ? AND fingerprint = ? AND lease_until = ?",
                    fingerprint, owner, now + lease.toMillis(), fingerprint, now, seen.key(), seen.status(), seen.owner(), seen.fingerprint(), seen.leaseUntil()) == 1;
        });
    }

    @Override
    public void markDone(String key, String fingerprint, String result) {
        long now = clock.millis();
        access.call("record a done brief", c -> {
            if (update(c, "UPDATE brief_ledger SET status = 'done', fingerprint = ?, result = ?, lease_until = 0, updated_at = ? WHERE brief_key = ?",
                    fingerprint, result, now, key) == 1) {
                return null;
            }
            // the claim was given up meanwhile (a crash recovery tidied it): the result is recorded all the same
            update(c, "INSERT INTO brief_ledger (brief_key, fingerprint, status, owner, lease_until, result, updated_at) VALUES (?, ?, 'done', '', 0, ?, ?) ON CONFLICT DO NOTHING",
                    key, fingerprint, result, now);
            return null;
        });
    }

    @Override
    public void markPartial(String key, String fingerprint, String result) {
        long now = clock.millis();
        access.call("record a partly made brief", c -> {
            if (update(c, "UPDATE brief_ledger SET status = 'partial', fingerprint = ?, owner = '', result = ?, lease_until = 0, updated_at = ?"
                    + " WHERE brief_key = ?", fingerprint, result, now, key) == 1) {
                return null;
            }
            update(c, "INSERT INTO brief_ledger (brief_key, fingerprint, status, owner, lease_until, result, updated_at) VALUES (?, ?, 'partial', '', 0, ?, ?) ON CONFLICT DO NOTHING",
                    key, fingerprint, result, now);
            return null;
        });
    }

    @Override
    public boolean isDone(String key) {
        return read(key).map(Entry::done).orElse(false);
    }

    @Override
    public void abandon(String key, String owner) {
        access.transaction("give a brief's id back", c -> {
            update(c, "UPDATE brief_ledger SET status = 'partial', owner = '', lease_until = 0 WHERE brief_key = ? AND owner = ?"
                    + " AND status = 'started' AND result IS NOT NULL", key, owner);
            return update(c, "DELETE FROM brief_ledger WHERE brief_key = ? AND owner = ? AND status = 'started'", key, owner);
        });
    }

    @Override
    public void forget(String key) {
        access.call("forget a brief", c -> {
            return update(c, "DELETE FROM brief_ledger WHERE brief_key = ?", key);
        });
    }

    @Override
    public int renew(String owner, Duration lease) {
        long until = clock.millis() + lease.toMillis();
        return access.once("renew the claims", c -> {
            return update(c, "UPDATE brief_ledger SET lease_until = ? WHERE owner = ? AND status = 'started'", until, owner);
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
