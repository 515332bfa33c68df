package io.brief2image.testing;

import io.brief2image.store.SharedStore;
import io.brief2image.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The embedded store a service would open on {@code data}, for tests of the classes above it. */
public final class EmbeddedStores {

    private EmbeddedStores() {
    }

    public static SharedStore open(Path data, Clock clock) {
        return SharedStore.open(new StoreConfig("", "", "", data, Duration.ofSeconds(30), 8), clock);
    }
}
