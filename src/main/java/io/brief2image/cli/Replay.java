package io.brief2image.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;

/** The replay command: requeues dead letters through the broker of the running service. */
final class Replay {

    private final PrintStream out;

    Replay(PrintStream out) {
        this.out = out;
    }

    int run() throws Exception {
        String url = CommandSettings.get("broker-url", CommandSettings.get("broker-listen", "tcp://127.0.0.1:61616"));
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + "jms.closeTimeout=2000");
        var replay = new io.brief2image.deadletter.Replay(Path.of(CommandSettings.get("failed", "failed")),
                Path.of(CommandSettings.get("inbox", "inbox")), Path.of(CommandSettings.get("outbox", "outbox")), broker);
        var moved = replay.run();
        moved.forEach(m -> out.printf("%-24s %s -> %s%n", m.what(), m.from(), m.to()));
        out.printf("%d dead letter(s) handled%n", moved.size());
        return 0;
    }
}
