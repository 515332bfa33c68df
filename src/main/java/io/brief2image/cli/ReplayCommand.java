package io.brief2image.cli;

import io.brief2image.app.Settings;
import io.brief2image.deadletter.DeadLetterReplay;
import java.util.concurrent.Callable;
import org.apache.activemq.ActiveMQConnectionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** replay: put dead letters back into the pipeline, through the broker of the running service. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Requeue dead letters: files back into the inbox, DLQ messages onto queue briefs.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    SettingOptions settings = new SettingOptions();

    @ParentCommand
    Brief2Image parent;

    @Override
    public Integer call() throws Exception {
        Settings resolved = Settings.from(parent.values(settings.pairs));
        String url = resolved.broker().clientUrl();
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(url + (url.contains("?") ? "&" : "?") + "jms.closeTimeout=2000");
        Settings.Folders folders = resolved.folders();
        var moved = new DeadLetterReplay(folders.failed(), folders.inbox(), folders.outbox(), broker).run();
        moved.forEach(m -> System.out.printf("%-24s %s -> %s%n", m.what(), m.from(), m.to()));
        System.out.printf("%d dead letter(s) handled%n", moved.size());
        return 0;
    }
}
