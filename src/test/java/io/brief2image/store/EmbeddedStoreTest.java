package io.brief2image.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store contract on the embedded H2 file (no server), and what only it does. */
class EmbeddedStoreTest extends StoreContract {

    @Override
    StoreConfig config(Path dir) {
        return new StoreConfig("", "", "", dir.resolve("data"), LEASE, 8);
    }

    @Test
    void aReopenedStoreKeepsItsStateAndEndsTheClaimsOfTheDeadRun() {
        store.ledger().claim("cut-off", "f", store.instance(), LEASE);
        store.spend().reserve(DAY, 123_000, Long.MAX_VALUE);
        store.close();

        store = SharedStore.open(config(dir), clock);
        assertThat(store.spend().day(DAY).totalNanos()).as("a reservation with no outcome counts: the provider may have been paid")
                .isEqualTo(123_000);
        assertThat(store.ledger().claim("cut-off", "f", store.instance(), LEASE)).isTrue();
    }

    /** A store at SCHEMA_VERSION opens without Flyway: the constant must name the newest migration. */
    @Test
    void theSchemaVersionIsTheNewestMigration() throws Exception {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("src/main/resources/db/store"))) {
            int newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(SharedStore.SCHEMA_VERSION).isEqualTo(String.valueOf(newest));
        }
    }

    /** The list of scripts a new embedded store runs is the folder of migrations, in order. */
    @Test
    void aNewEmbeddedStoreRunsEveryMigration() throws Exception {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("src/main/resources/db/store"))) {
            assertThat(NewEmbeddedStore.SCRIPTS).containsExactlyElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))).toList());
        }
    }

    /** Made without Flyway, the new store is one Flyway recognises as its own: it validates, and a later migration applies. */
    @Test
    void aNewEmbeddedStoreIsRecordedAsFlywayWouldHave() {
        store.close();
        store = null;
        String url = "jdbc:h2:file:" + dir.resolve("data/store/brief2image").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        org.flywaydb.core.api.output.ValidateResult valid = org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/store").table(NewEmbeddedStore.HISTORY).load().validateWithResult();
        assertThat(valid.validationSuccessful).as(String.valueOf(valid.invalidMigrations)).isTrue();

        org.flywaydb.core.api.output.MigrateResult later = org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/store", "classpath:store-later-migration").table(NewEmbeddedStore.HISTORY).load().migrate();
        assertThat(later.initialSchemaVersion).isEqualTo(SharedStore.SCHEMA_VERSION);
        assertThat(later.migrationsExecuted).isEqualTo(1);
    }
}
