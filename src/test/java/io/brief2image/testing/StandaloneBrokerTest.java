package io.brief2image.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone broker keeps a persistent message across a kill -9 and a restart on the same port. */
class StandaloneBrokerTest {

    @Test
    void aPersistentMessageSurvivesAKillAndARestart(@TempDir Path dir) throws Exception {
        try (StandaloneBroker broker = StandaloneBroker.start(dir)) {
            try (Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("briefs"));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(session.createTextMessage("{\"id\": \"kept\", \"prompt\": \"a boat\"}"));
            }
            broker.kill();
            assertThat(broker.running()).isFalse();

            broker.restart();
            try (Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                TextMessage message = (TextMessage) session.createConsumer(session.createQueue("briefs")).receive(30_000);
                assertThat(message).isNotNull();
                assertThat(message.getText()).contains("\"kept\"");
            }
        }
    }
}
