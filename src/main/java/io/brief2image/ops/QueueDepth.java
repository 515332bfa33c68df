package io.brief2image.ops;

import io.brief2image.broker.EmbeddedBroker;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.command.ActiveMQQueue;

/** How many messages wait on a queue: from the embedded broker's statistics, else by browsing. */
public final class QueueDepth {

    private static final int BROWSE_LIMIT = 100_000;

    private final EmbeddedBroker embedded;
    private final ConnectionFactory connections;

    public QueueDepth(EmbeddedBroker embedded, ConnectionFactory connections) {
        this.embedded = embedded;
        this.connections = connections;
    }

    /** -1 when the broker cannot be asked. */
    public long of(String queue) {
        try {
            if (embedded != null && embedded.broker() != null) {
                Destination destination = embedded.broker().getDestination(new ActiveMQQueue(queue));
                return destination == null ? 0 : destination.getDestinationStatistics().getMessages().getCount();
            }
            try (Connection connection = connections.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = session.createBrowser(session.createQueue(queue));
                Enumeration<?> messages = browser.getEnumeration();
                long count = 0;
                while (messages.hasMoreElements() && count < BROWSE_LIMIT) {
                    messages.nextElement();
                    count++;
                }
                return count;
            }
        } catch (Exception e) {
            return -1;
        }
    }
}
