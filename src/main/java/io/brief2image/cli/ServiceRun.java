package io.brief2image.cli;

import io.brief2image.app.Application;
import io.brief2image.app.SettingValues;
import java.util.concurrent.Callable;

/** Service mode: watch the inbox and consume queue briefs until stopped (Ctrl-C or SIGTERM). */
final class ServiceRun implements Callable<Integer> {

    private final SettingValues values;

    ServiceRun(SettingValues values) {
        this.values = values;
    }

    @Override
    public Integer call() throws Exception {
        Application.create(values).run();
        return 0;
    }
}
