package io.brief2image.offline;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One offline server per test class, with a clean fault plan and request log before every test. */
final class SharedOfflineServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private OfflineImageServer server;

    OfflineImageServer get() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.faults().clear();
        server.clearRequests();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
