package io.brief2image.cli;

import io.brief2image.base.Queues;
import io.brief2image.brief.BriefFiles;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.activemq.ActiveMQConnectionFactory;
import io.brief2image.app.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** submit FILE...: post briefs to queue briefs of a running broker (the embedded one listens on 127.0.0.1:61616). */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Post brief files to queue 'briefs' of a running broker.")
final class SubmitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Brief files (.json, .txt, .csv).")
    List<Path> files;

    @Option(names = "--broker", description = "Broker URL (default: BRIEF2IMAGE_BROKER_URL, else BRIEF2IMAGE_BROKER_LISTEN, else tcp://127.0.0.1:61616).")
    String broker;

    @Mixin
    SettingOptions settings = new SettingOptions();

    @ParentCommand
    Brief2Image parent;

    @Override
    public Integer call() throws Exception {
        String url = broker != null ? broker : Settings.from(parent.values(settings.pairs)).broker().clientUrl();
        int sent = 0;
        int refused = 0;
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.BRIEFS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (Path file : files) {
                List<BriefFiles.QueuedBrief> briefs;
                try {
                    briefs = BriefFiles.split(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), "jms");
                } catch (Exception e) {
                    System.err.println("not sent: " + file + ": " + (e instanceof io.brief2image.base.BriefFailure f ? f.reason() : e.getMessage()));
                    refused++;
                    continue;
                }
                for (BriefFiles.QueuedBrief brief : briefs) {
                    TextMessage message = session.createTextMessage(brief.text());
                    for (Map.Entry<String, Object> header : brief.envelope().headers().entrySet()) {
                        message.setStringProperty(header.getKey(), header.getValue().toString());
                    }
                    producer.send(message);
                    System.out.println("sent " + brief.envelope().sourceName() + " -> queue briefs (" + message.getJMSMessageID() + ")");
                    sent++;
                }
            }
        }
        System.out.printf("%d brief(s) sent to %s%s%n", sent, url, refused > 0 ? ", " + refused + " file(s) not sent" : "");
        return refused > 0 ? 1 : 0;
    }
}
