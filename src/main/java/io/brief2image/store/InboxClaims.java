package io.brief2image.store;

import static io.brief2image.store.StoreAccess.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The file consumer's claims on a shared inbox ({@code readLock=idempotent&idempotentRepository=#…}):
 * {@link #add} is one INSERT keyed by (processor, file), so of N instances polling the same folder
 * exactly one reads each file. A claim has this instance as owner and a lease the heartbeat renews
 * ({@link #renew}); the claim of an instance that died while reading a file runs out and another
 * instance takes the file. Unlike camel-sql's JdbcMessageIdRepository in Camel 4.18 (SELECT, then
 * INSERT), nothing here checks and then acts.
 */
public final class InboxClaims implements IdempotentRepository {

    private final StoreAccess access;
    private final Clock clock;
    private final String processor;
    private final String owner;
    private final Duration lease;

    InboxClaims(StoreAccess access, Clock clock, String processor, String owner, Duration lease) {
        this.access = access;
        this.clock = clock;
        this.processor = processor;
        this.owner = owner;
        this.lease = lease;
    }

    @Override
    public boolean add(String key) {
        long now = clock.millis();
        return access.call("claim an inbox file", c -> {
            if (update(c, "INSERT INTO inbox_claim (processor, message_id, owner, lease_until) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    processor, key, owner, now + lease.toMillis()) == 1) {
                return true;
            }
            return update(c, "UPDATE inbox_claim SET owner = ?, lease_until = ? WHERE processor = ? AND message_id = ? AND lease_until < ?",
                    owner, now + lease.toMillis(), processor, key, now) == 1;
        });
    }

    @Override
    public boolean contains(String key) {
        long now = clock.millis();
        return access.call("look up an inbox file", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM inbox_claim WHERE processor = ? AND message_id = ? AND lease_until >= ?")) {
                s.setString(1, processor);
                s.setString(2, key);
                s.setLong(3, now);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public boolean remove(String key) {
        return access.call("release an inbox file", c -> {
            return update(c, "DELETE FROM inbox_claim WHERE processor = ? AND message_id = ? AND owner = ?",
                    processor, key, owner) == 1;
        });
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        access.call("clear the inbox claims", c -> {
            return update(c, "DELETE FROM inbox_claim WHERE processor = ? AND owner = ?", processor, owner);
        });
    }

    /** Extends this owner's claims by the lease from now (the heartbeat calls it). */
    public int renew() {
        long until = clock.millis() + lease.toMillis();
        return access.once("renew the inbox claims", c -> {
            return update(c, "UPDATE inbox_claim SET lease_until = ? WHERE owner = ?", until, owner);
        });
    }

    @Override
    public void start() {
        // the store is open before any consumer starts
    }

    @Override
    public void stop() {
        // the store closes with the service
    }
}
