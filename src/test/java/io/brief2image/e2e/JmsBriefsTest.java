package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.testing.RunningApp;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream systems post briefs over TCP to the embedded broker and get a reply on their JMSReplyTo. */
class JmsBriefsTest {

    @TempDir
    static Path root;
    static RunningApp app;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningApp(root).start();
        connection = new ActiveMQConnectionFactory(app.settings().get("brief2image.broker-listen")).createConnection();
        connection.start();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        app.close();
    }

    @Test
    void briefWithReplyToGetsItsResultWithTheSameCorrelationId() throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageProducer producer = session.createProducer(session.createQueue("briefs"));
        TextMessage brief = session.createTextMessage("{\"id\": \"jms-hero\", \"prompt\": \"a kite over a field\", \"n\": 1}");
        brief.setJMSReplyTo(replies);
        brief.setJMSCorrelationID("order-4711");
        producer.send(brief);

        Message reply = session.createConsumer(replies).receive(60_000);
        assertThat(reply).isNotNull();
        assertThat(reply.getJMSCorrelationID()).isEqualTo("order-4711");
        JsonNode result = Json.MAPPER.readTree(((TextMessage) reply).getText());
        assertThat(result.path("brief_id").asText()).isEqualTo("jms-hero");
        assertThat(result.path("status").asText()).isEqualTo("done");
        assertThat(result.path("images")).hasSize(1);

        JsonNode sidecar = app.awaitSidecars("jms-hero", 1).get(0);
        assertThat(sidecar.path("source").path("channel").asText()).isEqualTo("jms");
        assertThat(sidecar.path("source").path("queue").asText()).isEqualTo("briefs");
        assertThat(sidecar.path("source").path("message_id").asText()).isEqualTo(brief.getJMSMessageID());
    }

    @Test
    void resultEventsGoToQueueImages() throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer events = session.createConsumer(session.createQueue("images"), "b2i_brief_id = 'evented'");
        session.createProducer(session.createQueue("briefs"))
                .send(session.createTextMessage("{\"id\": \"evented\", \"prompt\": \"a paper boat\", \"n\": 1}"));
        TextMessage event = (TextMessage) events.receive(60_000);
        assertThat(event).isNotNull();
        // unread events expire after a week (result-ttl-hours) instead of filling the broker's store
        assertThat(event.getJMSExpiration() - event.getJMSTimestamp()).isEqualTo(168L * 3_600_000L);
        JsonNode result = Json.MAPPER.readTree(event.getText());
        assertThat(result.path("status").asText()).isEqualTo("done");
        assertThat(result.path("images").get(0).path("image_id").asText()).isEqualTo("evented-1");
    }

    @Test
    void badJmsBriefIsDeadLetteredToFilesAndTheDlqAndAnswered() throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = session.createTemporaryQueue();
        TextMessage brief = session.createTextMessage("{\"id\": \"jms-bad\", \"prompt\": \"x\", \"n\": \"two\"}");
        brief.setJMSReplyTo(replies);
        session.createProducer(session.createQueue("briefs")).send(brief);

        TextMessage reply = (TextMessage) session.createConsumer(replies).receive(60_000);
        assertThat(Json.MAPPER.readTree(reply.getText()).path("status").asText()).isEqualTo("failed");
        JsonNode error = app.awaitDeadLetter("jms-bad.json");
        assertThat(error.path("reason").asText()).contains("The field 'n'").contains("whole number");
        assertThat(Files.readString(app.failed().resolve("jms-bad.json"))).isEqualTo(brief.getText());

        TextMessage parked = (TextMessage) session.createConsumer(session.createQueue("briefs.DLQ")).receive(30_000);
        assertThat(parked.getText()).isEqualTo(brief.getText());
        assertThat(parked.getStringProperty("b2i_error_stage")).isEqualTo("validation");
        assertThat(parked.getStringProperty("b2i_error_reason")).contains("whole number");
    }
}
