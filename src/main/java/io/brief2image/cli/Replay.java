package io.brief2image.cli;

import java.io.PrintStream;
import io.brief2image.app.Settings;
import org.apache.activemq.ActiveMQConnectionFactory;

/** The replay command: requeues dead letters through the broker of the running service. */
final class Replay {

    private final PrintStream out;
    private final Settings settings;

    Replay(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    int run() throws Exception {
        String url = settings.broker().clientUrl();
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + "jms.closeTimeout=2000");
        Settings.Folders folders = settings.folders();
        var replay = new io.brief2image.deadletter.Replay(folders.failed(), folders.inbox(), folders.outbox(), broker);
        var moved = replay.run();
        moved.forEach(m -> out.printf("%-24s %s -> %s%n", m.what(), m.from(), m.to()));
        out.printf("%d dead letter(s) handled%n", moved.size());
        return 0;
    }
}
