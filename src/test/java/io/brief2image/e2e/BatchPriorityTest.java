package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 1 and the admission part of point 2, end to end on the real routes with the offline
 * provider: a brief opts into the Batch API by its field, a CSV column or the JMS property
 * {@code priority}; the sidecar records it, and a batch brief's image comes from a batch at the batch
 * price (half the synchronous one, models.yaml {@code batch}). A priority that is neither now nor batch
 * is a dead letter naming the field or property.
 */
class BatchPriorityTest {

    @TempDir
    static Path root;
    static RunningApp app;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningApp(root).set("offline.batch-delay-seconds", "1").set("batch-max-wait", "1").start();
        connection = new ActiveMQConnectionFactory(app.settings().get("brief2image.broker-listen")).createConnection();
        connection.start();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        app.close();
    }

    @Test
    void theFieldOptsInAndTheImageComesFromABatchAtHalfThePriceOfTheSameBriefMadeNow() {
        app.drop("by-field.json", "{\"prompt\": \"a lighthouse at dusk\", \"n\": 1, \"quality\": \"high\", \"priority\": \"batch\"}");
        app.drop("by-default.json", "{\"prompt\": \"a lighthouse at dusk\", \"n\": 1, \"quality\": \"high\"}");
        JsonNode sidecar = app.awaitSidecars("by-field", 1).get(0);
        JsonNode now = app.awaitSidecars("by-default", 1).get(0);
        assertThat(sidecar.path("priority").asText()).isEqualTo("batch");
        assertThat(sidecar.path("batch").path("id").asText()).startsWith("batch_");
        assertThat(now.path("priority").asText()).isEqualTo("now");
        assertThat(now.has("batch")).isFalse();
        assertThat(sidecar.path("cost_usd").asDouble()).isPositive().isCloseTo(now.path("cost_usd").asDouble() * 0.5, within(1e-6));
        assertThat(new HttpCalls(app.httpPort()).get("/observe/metrics").body())
                .containsPattern("brief2image_briefs_by_priority_total\\{[^}]*priority=\"batch\"[^}]*\\} [1-9]");
    }

    @Test
    void aCsvColumnChoosesPerRowAndAnEmptyCellMeansNow() {
        app.drop("mixed.csv", "prompt,n,priority\na red kite,1,batch\na blue kite,1,now\na green kite,1,\n");
        assertThat(app.awaitSidecars("mixed-1", 1).get(0).path("priority").asText()).isEqualTo("batch");
        assertThat(app.awaitSidecars("mixed-2", 1).get(0).path("priority").asText()).isEqualTo("now");
        assertThat(app.awaitSidecars("mixed-3", 1).get(0).path("priority").asText()).isEqualTo("now");
        assertThat(app.awaitSidecars("mixed-1", 1).get(0).path("batch").path("id").asText()).startsWith("batch_");
    }

    @Test
    void theJmsPropertyOptsInWhereTheBodyIsSilentAndTheBodyWinsWhereItSpeaks() throws Exception {
        send("{\"id\": \"jms-batch\", \"prompt\": \"a paper crane\", \"n\": 1}", "batch");
        send("{\"id\": \"jms-body-wins\", \"prompt\": \"a paper plane\", \"n\": 1, \"priority\": \"now\"}", "batch");
        send("{\"id\": \"jms-silent\", \"prompt\": \"a paper hat\", \"n\": 1}", null);
        assertThat(app.awaitSidecars("jms-batch", 1).get(0).path("priority").asText()).isEqualTo("batch");
        assertThat(app.awaitSidecars("jms-body-wins", 1).get(0).path("priority").asText()).isEqualTo("now");
        assertThat(app.awaitSidecars("jms-silent", 1).get(0).path("priority").asText()).isEqualTo("now");
    }

    @Test
    void aPriorityThatIsNeitherIsADeadLetterNamingTheFieldAndTheValuesAllowed() throws Exception {
        app.drop("urgent.json", "{\"prompt\": \"a lighthouse\", \"n\": 1, \"priority\": \"urgent\"}");
        JsonNode error = app.awaitDeadLetter("urgent.json");
        assertThat(error.path("stage").asText()).isEqualTo("validation");
        assertThat(error.path("reason").asText()).contains("The field 'priority' is 'urgent'").contains("now or batch");

        send("{\"id\": \"jms-tomorrow\", \"prompt\": \"a lighthouse\", \"n\": 1}", "tomorrow");
        JsonNode jmsError = app.awaitDeadLetter("jms-tomorrow.json");
        assertThat(jmsError.path("reason").asText()).contains("The message property 'priority' is 'tomorrow'").contains("now or batch");
        assertThat(app.outbox().resolve("urgent")).doesNotExist();
        assertThat(app.outbox().resolve("jms-tomorrow")).doesNotExist();
    }

    private static void send(String body, String priority) throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage message = session.createTextMessage(body);
        if (priority != null) {
            message.setStringProperty("priority", priority);
        }
        session.createProducer(session.createQueue("briefs")).send(message);
        session.close();
    }
}
