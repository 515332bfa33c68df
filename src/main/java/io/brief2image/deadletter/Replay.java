package io.brief2image.deadletter;

import io.brief2image.base.Queues;
import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.brief.Envelope;
import io.brief2image.base.Json;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts dead letters back: messages on briefs.DLQ onto queue briefs, failed files back into the
 * inbox under their original names. Briefs whose id already has output are skipped (they were
 * done since), and every move is reported.
 */
public final class Replay {

    public record Moved(String what, String from, String to) {
    }

    private final Path failedDir;
    private final Path inbox;
    private final Path outbox;
    private final ConnectionFactory broker;

    public Replay(Path failedDir, Path inbox, Path outbox, ConnectionFactory broker) {
        this.failedDir = failedDir;
        this.inbox = inbox;
        this.outbox = outbox;
        this.broker = broker;
    }

    public List<Moved> run() throws IOException {
        List<Moved> moved = new ArrayList<>();
        Set<String> requeued = broker != null ? requeueDlq(moved) : Set.of();
        for (Path report : reports()) {
            String name = report.getFileName().toString();
            Path original = report.resolveSibling(name.substring(0, name.length() - ".error.json".length()));
            JsonNode error = Json.MAPPER.readTree(report.toFile());
            String briefId = error.path("brief_id").asText();
            String channel = error.path("source").path("channel").asText("file");
            if (!briefId.isEmpty() && Files.isDirectory(outbox.resolve(briefId)) && !"duplicate".equals(error.path("stage").asText())) {
                moved.add(new Moved("skipped (already done)", original.getFileName().toString(), "outbox/" + briefId));
                continue;
            }
            if ("jms".equals(channel) && requeued.contains(briefId)) {
                // requeued from briefs.DLQ a moment ago and already failed again: that is a new dead letter
                continue;
            }
            if ("jms".equals(channel)) {
                // not on briefs.DLQ any more (e.g. the broker was replaced): requeue from the file
                if (broker != null && Files.exists(original)) {
                    send(Files.readString(original), error, briefId);
                    Files.delete(original);
                    Files.delete(report);
                    moved.add(new Moved("requeued", original.getFileName().toString(), "queue briefs"));
                }
                continue;
            }
            if (!Files.exists(original, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = freeName(inbox, error.path("original_name").asText(original.getFileName().toString()));
            Files.move(original, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(report);
            moved.add(new Moved("moved", original.getFileName().toString(), "inbox/" + target.getFileName()));
        }
        return moved;
    }

    private List<Path> reports() throws IOException {
        try (Stream<Path> files = Files.list(failedDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".error.json")).sorted().toList();
        }
    }

    /**
     * Moves briefs.DLQ back onto briefs in one transaction. The files of those briefs are removed
     * first, so a brief that fails again right away writes a fresh dead letter that stays.
     */
    private Set<String> requeueDlq(List<Moved> moved) {
        Set<String> ids = new HashSet<>();
        try (Connection connection = broker.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.BRIEFS_DLQ));
            MessageProducer producer = session.createProducer(session.createQueue(Queues.BRIEFS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            List<Message> parked = new ArrayList<>();
            Message message;
            while ((message = consumer.receive(500)) != null) {
                parked.add(message);
            }
            for (Message m : parked) {
                ids.add(m.getStringProperty("b2i_brief_id"));
            }
            removeJmsFiles(ids);
            for (Message m : parked) {
                TextMessage copy = session.createTextMessage(((TextMessage) m).getText());
                Enumeration<?> names = m.getPropertyNames();
                while (names.hasMoreElements()) {
                    String name = (String) names.nextElement();
                    if (name.startsWith("b2i_") && !name.startsWith("b2i_error") && !name.equals("b2i_attempts") && !name.equals("b2i_http_status")) {
                        copy.setObjectProperty(name, m.getObjectProperty(name));
                    }
                }
                producer.send(copy);
                moved.add(new Moved("requeued", "queue briefs.DLQ (" + m.getStringProperty("b2i_brief_id") + ")", "queue briefs"));
            }
            session.commit();
        } catch (Exception e) {
            moved.add(new Moved("not requeued", "queue briefs.DLQ", "broker unreachable: " + e.getMessage()));
        }
        return ids;
    }

    private void removeJmsFiles(Set<String> briefIds) throws IOException {
        for (Path report : reports()) {
            JsonNode error = Json.MAPPER.readTree(report.toFile());
            if ("jms".equals(error.path("source").path("channel").asText()) && briefIds.contains(error.path("brief_id").asText())) {
                String name = report.getFileName().toString();
                Files.deleteIfExists(report.resolveSibling(name.substring(0, name.length() - ".error.json".length())));
                Files.delete(report);
            }
        }
    }

    private void send(String body, JsonNode error, String briefId) throws IOException {
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.BRIEFS));
            TextMessage message = session.createTextMessage(body);
            String format = error.path("source").path("format").asText("json");
            message.setStringProperty(Envelope.FORMAT, format);
            message.setStringProperty(Envelope.CHANNEL, "jms");
            message.setStringProperty(Envelope.SOURCE_NAME, error.path("original_name").asText(briefId + ".json"));
            message.setStringProperty(Envelope.DEFAULT_ID, briefId);
            producer.send(message);
        } catch (jakarta.jms.JMSException e) {
            throw new IOException("cannot requeue " + briefId + ": " + e.getMessage(), e);
        }
    }

    private static Path freeName(Path dir, String name) {
        Path target = dir.resolve(Path.of(name).getFileName().toString());
        int dot = name.lastIndexOf('.');
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i);
        }
        return target;
    }
}
