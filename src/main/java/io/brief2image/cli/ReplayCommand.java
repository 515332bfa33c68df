package io.brief2image.cli;

import io.brief2image.deadletter.DeadLetterReplay;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.activemq.ActiveMQConnectionFactory;
import picocli.CommandLine.Command;

/** replay: put dead letters back into the pipeline, through the broker of the running service. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Requeue dead letters: files back into the inbox, DLQ messages onto queue briefs.")
final class ReplayCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        String url = CommandSettings.get("broker-url", CommandSettings.get("broker-listen", "tcp://127.0.0.1:61616"));
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + "jms.closeTimeout=2000");
        var replay = new DeadLetterReplay(Path.of(CommandSettings.get("failed", "failed")),
                Path.of(CommandSettings.get("inbox", "inbox")), Path.of(CommandSettings.get("outbox", "outbox")), broker);
        var moved = replay.run();
        moved.forEach(m -> System.out.printf("%-24s %s -> %s%n", m.what(), m.from(), m.to()));
        System.out.printf("%d dead letter(s) handled%n", moved.size());
        return 0;
    }
}
