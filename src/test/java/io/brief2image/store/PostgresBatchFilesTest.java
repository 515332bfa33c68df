package io.brief2image.store;

import io.brief2image.testing.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The batch tables' contract on a real PostgreSQL server (the fleet's shared store). */
class PostgresBatchFilesTest extends BatchFilesContract {

    @Override
    StoreConfig config(Path dir) {
        PostgresServer server = PostgresServer.shared().orElse(null);
        Assumptions.assumeTrue(server != null, "PostgreSQL is not installed here (.ci/run installs it)");
        return new StoreConfig(server.newDatabase("batches"), "postgres", "", dir.resolve("data"), LEASE, 8);
    }
}
