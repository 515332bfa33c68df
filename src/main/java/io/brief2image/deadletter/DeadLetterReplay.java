package io.brief2image.deadletter;

import io.brief2image.base.Queues;
import io.brief2image.brief.Envelope;
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

/**
 * Puts dead letters back: messages on briefs.DLQ onto queue briefs, failed files back into the
 * inbox under their original names. Briefs whose id already has output are skipped (they were
 * done since), except one that failed part way (its report lists the {@code missing} images): made
 * again, it makes only those (the ledger knows the rest are in the outbox). Every move is reported.
 */
public final class DeadLetterReplay {

    public record Moved(String what, String from, String to) {
    }

    private static final String QUEUE_BRIEFS = "queue " + Queues.BRIEFS;
    private static final String QUEUE_DLQ = "queue " + Queues.BRIEFS_DLQ;

    private final Path failedDir;
    private final Path inbox;
    private final Path outbox;
    private final ConnectionFactory broker;

    public DeadLetterReplay(Path failedDir, Path inbox, Path outbox, ConnectionFactory broker) {
        this.failedDir = failedDir;
        this.inbox = inbox;
        this.outbox = outbox;
        this.broker = broker;
    }

    public List<Moved> run() throws IOException {
        List<Moved> moved = new ArrayList<>();
        Set<String> requeued = broker != null ? requeueDlq(moved) : Set.of();
        for (Path report : ErrorReport.in(failedDir)) {
            Path original = ErrorReport.deadLetterOf(report);
            ErrorReport error = ErrorReport.read(report);
            String briefId = error.briefId() == null ? "" : error.briefId();
            String channel = error.channel();
            // a brief that failed part way has its made images in the outbox: it goes back, to make the missing ones
            if (!briefId.isEmpty() && Files.isDirectory(outbox.resolve(briefId)) && !"duplicate".equals(error.stage()) && !error.partlyMade()) {
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
                    moved.add(new Moved("requeued", original.getFileName().toString(), QUEUE_BRIEFS));
                }
                continue;
            }
            if (!Files.exists(original, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = freeName(inbox, error.originalNameOr(original.getFileName().toString()));
            Files.move(original, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(report);
            moved.add(new Moved("moved", original.getFileName().toString(), "inbox/" + target.getFileName()));
        }
        return moved;
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
                moved.add(new Moved("requeued", QUEUE_DLQ + " (" + m.getStringProperty("b2i_brief_id") + ")", QUEUE_BRIEFS));
            }
            session.commit();
        } catch (Exception e) {
            moved.add(new Moved("not requeued", QUEUE_DLQ, "broker unreachable: " + e.getMessage()));
        }
        return ids;
    }

    private void removeJmsFiles(Set<String> briefIds) throws IOException {
        for (Path report : ErrorReport.in(failedDir)) {
            ErrorReport error = ErrorReport.read(report);
            if ("jms".equals(error.channel()) && briefIds.contains(error.briefId())) {
                Files.deleteIfExists(ErrorReport.deadLetterOf(report));
                Files.delete(report);
            }
        }
    }

    private void send(String body, ErrorReport error, String briefId) throws IOException {
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.BRIEFS));
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(Envelope.FORMAT, error.format());
            message.setStringProperty(Envelope.CHANNEL, "jms");
            message.setStringProperty(Envelope.SOURCE_NAME, error.originalNameOr(briefId + ".json"));
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
