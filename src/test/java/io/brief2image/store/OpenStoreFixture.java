package io.brief2image.store;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store opened on a backend for each test, on a clock the test moves, and closed after it: what the
 * store contracts ({@link StoreContract}, {@link BatchFilesContract}) run on, once per backend.
 */
abstract class OpenStoreFixture {

    static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    final MovableClock clock = new MovableClock();
    SharedStore store;

    /** The store's address for this test (a fresh database each time). */
    abstract StoreConfig config(Path dir);

    @BeforeEach
    void open() {
        store = SharedStore.open(config(dir), clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
