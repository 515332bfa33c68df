package io.brief2image.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway's migration of the store (db/store), in a class of its own so that a start whose schema is
 * current, or a new embedded store, never loads Flyway's classes (about 800, some 0.3 CPU-s).
 */
final class FlywayMigration {

    private FlywayMigration() {
    }

    static void migrate(DataSource dataSource, boolean embedded) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/store").table(NewEmbeddedStore.HISTORY)
                .connectRetries(embedded ? 0 : 6).connectRetriesInterval(5).load().migrate();
    }
}
