package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.render.RenderNowInstead;
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
 * {@code priority}; the sidecar records it; a batch brief's line is admitted at the batch price (half
 * the synchronous estimate, models.yaml {@code batch}). Until the batch path exists the stand-in sink
 * gives that reservation back and makes the image now at the full price, saying so in the sidecar, so
 * the spend journal (data/spend) shows: reserved at the batch price, released, reserved and paid now.
 * A priority that is neither now nor batch is a dead letter naming the field or property.
 */
class BatchPriorityTest {

    @TempDir
    static Path root;
    static RunningApp app;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningApp(root).set("offline.faults", "true").start();
        connection = new ActiveMQConnectionFactory(app.settings().get("brief2image.broker-listen")).createConnection();
        connection.start();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        app.close();
    }

    @Test
    void theFieldOptsInAndTheLineIsReservedAtHalfPriceThenPaidAtTheFullPriceByTheStandIn() {
        int mark = journal(root).size();
        app.drop("by-field.json", "{\"prompt\": \"a lighthouse at dusk\", \"n\": 1, \"quality\": \"high\", \"priority\": \"batch\"}");
        JsonNode sidecar = app.awaitSidecars("by-field", 1).get(0);
        assertThat(sidecar.path("priority").asText()).isEqualTo("batch");
        assertThat(sidecar.path("warnings").toString()).contains(RenderNowInstead.WARNING);

        List<String> lines = settledSince(mark, 1);
        // r <batch id> <usd>, x <batch id>, r <now id> <usd>, s <now id> <paid>
        assertThat(lines).hasSize(4);
        String[] batch = lines.get(0).split(" ");
        String[] now = lines.get(2).split(" ");
        assertThat(batch[0]).isEqualTo("r");
        assertThat(lines.get(1)).isEqualTo("x " + batch[1]);
        assertThat(now[0]).isEqualTo("r");
        assertThat(Double.parseDouble(batch[2])).isGreaterThan(0).isCloseTo(Double.parseDouble(now[2]) * 0.5, within(1e-9));
        String[] paid = lines.get(3).split(" ");
        assertThat(paid[0] + " " + paid[1]).isEqualTo("s " + now[1]);
        assertThat(sidecar.path("cost_usd").asDouble()).isCloseTo(Double.parseDouble(paid[2]), within(1e-6));
        assertThat(new HttpCalls(app.httpPort()).get("/observe/metrics").body())
                .containsPattern("brief2image_briefs_by_priority_total\\{[^}]*priority=\"batch\"[^}]*\\} [1-9]");
    }

    @Test
    void aBriefThatSaysNothingIsMadeNowAndReservedOnceAtTheFullPrice() {
        int mark = journal(root).size();
        app.drop("by-default.json", "{\"prompt\": \"a lighthouse at dawn\", \"n\": 1, \"quality\": \"high\"}");
        JsonNode sidecar = app.awaitSidecars("by-default", 1).get(0);
        assertThat(sidecar.path("priority").asText()).isEqualTo("now");
        assertThat(sidecar.path("warnings").toString()).doesNotContain(RenderNowInstead.WARNING);
        List<String> lines = settledSince(mark, 1);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("r ");
        assertThat(lines.get(1)).startsWith("s ");
    }

    @Test
    void aCsvColumnChoosesPerRowAndAnEmptyCellMeansNow() {
        app.drop("mixed.csv", "prompt,n,priority\na red kite,1,batch\na blue kite,1,now\na green kite,1,\n");
        assertThat(app.awaitSidecars("mixed-1", 1).get(0).path("priority").asText()).isEqualTo("batch");
        assertThat(app.awaitSidecars("mixed-2", 1).get(0).path("priority").asText()).isEqualTo("now");
        assertThat(app.awaitSidecars("mixed-3", 1).get(0).path("priority").asText()).isEqualTo("now");
        assertThat(app.awaitSidecars("mixed-1", 1).get(0).path("warnings").toString()).contains(RenderNowInstead.WARNING);
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

    static final String REFUSED = "{\"prompt\": \"a lighthouse in a storm\", \"n\": 1, \"priority\": \"batch\"}";

    @Test
    void aBatchBriefTheProviderRefusesIsADeadLetterAndNothingStaysReserved() {
        int mark = journal(root).size();
        app.bean("offlineServer", OfflineImageServer.class).faults()
                .next(Fault.status(400, "moderation_blocked", "Your request was rejected by the safety system."));
        app.drop("refused.json", REFUSED);
        JsonNode error = app.awaitDeadLetter("refused.json");
        assertThat(error.path("stage").asText()).isEqualTo("render");
        assertThat(error.path("reason").asText()).contains("safety system");
        assertThat(app.failed().resolve("refused.json")).hasContent(REFUSED);
        List<String> lines = journal(root).subList(mark, journal(root).size());
        assertThat(lines).noneMatch(l -> l.startsWith("s "));
        assertThat(lines.stream().filter(l -> l.startsWith("r ")).map(l -> l.split(" ")[1]))
                .hasSize(2)
                .allMatch(id -> lines.contains("x " + id));
        assertThat(app.outbox().resolve("refused")).doesNotExist();
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

    /** The journal lines after {@code mark}, once {@code settled} of them are settlements (s …). */
    private static List<String> settledSince(int mark, int settled) {
        await().atMost(Duration.ofSeconds(30)).until(() -> journal(root).subList(mark, journal(root).size()).stream()
                .filter(l -> l.startsWith("s ")).count() == settled);
        List<String> all = journal(root);
        return new ArrayList<>(all.subList(mark, all.size()));
    }

    /** Today's spend journal (admission.Budget): r = reserved, s = settled, x = released. */
    static List<String> journal(Path root) {
        Path file = root.resolve("data/spend").resolve(LocalDate.now(ZoneOffset.UTC) + ".spend");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
