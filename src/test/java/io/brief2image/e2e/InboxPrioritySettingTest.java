package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 1: the setting inbox-priority makes batch the default of inbox briefs (the inbox sets
 * the message property priority); a brief's own field still wins, and briefs that upstream systems post
 * on the queue are not affected.
 */
class InboxPrioritySettingTest {

    @Test
    void theSettingMakesBatchTheDefaultForInboxBriefsOnly(@TempDir Path other) throws Exception {
        try (RunningApp batchInbox = new RunningApp(other).set("inbox-priority", "batch").set("batch-max-wait", "1").set("offline.batch-delay-seconds", "1").start()) {
            batchInbox.drop("inbox-default.json", "{\"prompt\": \"a windmill\", \"n\": 1}");
            batchInbox.drop("inbox-now.json", "{\"prompt\": \"a windmill at noon\", \"n\": 1, \"priority\": \"now\"}");
            JsonNode defaulted = batchInbox.awaitSidecars("inbox-default", 1).get(0);
            assertThat(defaulted.path("priority").asText()).isEqualTo("batch");
            assertThat(defaulted.path("batch").path("id").asText()).startsWith("batch_");
            assertThat(batchInbox.awaitSidecars("inbox-now", 1).get(0).path("priority").asText()).isEqualTo("now");

            Connection jms = new ActiveMQConnectionFactory(batchInbox.settings().get("brief2image.broker-listen")).createConnection();
            try {
                Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("briefs"))
                        .send(session.createTextMessage("{\"id\": \"jms-not-inbox\", \"prompt\": \"a windmill\", \"n\": 1}"));
            } finally {
                jms.close();
            }
            assertThat(batchInbox.awaitSidecars("jms-not-inbox", 1).get(0).path("priority").asText()).isEqualTo("now");
        }
    }

}
