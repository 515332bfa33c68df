package io.brief2image.store;

import java.nio.file.Path;

/** The batch tables' contract on the embedded store. */
class EmbeddedBatchFilesTest extends BatchFilesContract {

    @Override
    StoreConfig config(Path dir) {
        return new StoreConfig("", "", "", dir.resolve("data"), LEASE, 8);
    }
}
