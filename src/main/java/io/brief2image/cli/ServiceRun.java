package io.brief2image.cli;

import io.brief2image.app.Application;
import java.util.Map;
import java.util.concurrent.Callable;

/** Service mode: watch the inbox and consume queue briefs until stopped (Ctrl-C or SIGTERM). */
final class ServiceRun implements Callable<Integer> {

    private final Map<String, String> overrides;

    ServiceRun(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    @Override
    public Integer call() throws Exception {
        Application.create(overrides).run();
        return 0;
    }
}
