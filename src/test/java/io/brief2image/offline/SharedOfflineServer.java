package io.brief2image.offline;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One offline server per test class (fault injection on unless the options say otherwise), with a
 * clean fault plan and request log before every test.
 */
final class SharedOfflineServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final OfflineOptions options;
    private OfflineImageServer server;

    SharedOfflineServer() {
        this(OfflineOptions.defaults().withFaults(true));
    }

    SharedOfflineServer(OfflineOptions options) {
        this.options = options;
    }

    OfflineImageServer get() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = OfflineImageServer.start(options);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (options.faults()) {
            server.faults().clear();
        }
        server.clearRequests();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
