package io.brief2image.store;

import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema at open: made or migrated when it is not current (Flyway, or
 * {@link NewEmbeddedStore} for a new embedded one), once the database answers.
 */
final class StoreSchema {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSchema.class);

    private final StoreConfig config;
    private final BooleanSupplier closing;

    /** @param closing true once the store was closed while opening: the wait ends */
    StoreSchema(StoreConfig config, BooleanSupplier closing) {
        this.config = config;
        this.closing = closing;
    }

    /**
     * A database that does not answer yet (still starting, restarting, the network, a starved machine
     * starting several instances at once) is waited for, as the pipeline's store calls wait out an
     * outage: the start goes on and readiness stays DOWN with the reason meanwhile. A refused login, a
     * missing database or a bad URL fails the start at once, with the reason.
     */
    String migrateWhenReachable(DataSource dataSource) throws java.sql.SQLException {
        long pause = 250;
        boolean said = false;
        while (true) {
            try {
                return migrate(dataSource);
            } catch (java.sql.SQLException e) {
                if (config.embedded() || !StoreAccess.unreachable(e) || closing.getAsBoolean()) {
                    throw e;
                }
                if (!said) {
                    LOG.warn("the shared store ({}) does not answer yet: {}; the service waits for it", config.where(), SharedStore.rootMessage(e));
                    said = true;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    /**
     * Flyway only when the schema is not at {@link SharedStore#SCHEMA_VERSION} (an older store, or a new PostgreSQL
     * one): loading Flyway costs start time. A new embedded store is made by {@link NewEmbeddedStore},
     * recorded as Flyway would have. Says what was done, or null when the schema was current.
     */
    private String migrate(DataSource dataSource) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            try (java.sql.ResultSet r = c.createStatement().executeQuery(
                    "SELECT version FROM " + NewEmbeddedStore.HISTORY + " WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                if (r.next() && SharedStore.SCHEMA_VERSION.equals(r.getString(1))) {
                    return null;
                }
            } catch (java.sql.SQLException noHistoryYet) {
                if (config.embedded() && NewEmbeddedStore.createIfEmpty(c)) {
                    return "schema created";
                }
            }
        }
        FlywayMigration.migrate(dataSource, config.embedded());
        return "schema created or migrated by Flyway";
    }
}
