package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With BRIEF2IMAGE_BROKER_URL set, brief2image uses that broker (here over failover:) and starts none of its own. */
class ExternalBrokerTest {

    @Test
    void briefsFlowThroughAnExternalBroker(@TempDir Path root) throws Exception {
        BrokerService external = new BrokerService();
        external.setBrokerName("external-test");
        external.setPersistent(false);
        external.setUseJmx(false);
        String url = "tcp://127.0.0.1:" + RunningApp.freePort();
        external.addConnector(url);
        external.start();
        try (RunningApp app = new RunningApp(root).set("broker-url", "failover:(" + url + ")").start()) {
            app.drop("outside.json", "{\"prompt\": \"a bridge in fog\", \"n\": 1}");
            JsonNode sidecar = app.awaitSidecars("outside", 1).get(0);
            assertThat(sidecar.path("source").path("channel").asText()).isEqualTo("file");
            assertThat(root.resolve("data/broker")).doesNotExist();

            try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("briefs"))
                        .send(session.createTextMessage("{\"id\": \"from-outside\", \"prompt\": \"a kite\", \"n\": 1}"));
                assertThat(app.awaitSidecars("from-outside", 1).get(0).path("source").path("channel").asText()).isEqualTo("jms");
                // the result event is on the external broker's queue images
                assertThat(session.createConsumer(session.createQueue("images")).receive(30_000)).isNotNull();
            }
        } finally {
            external.stop();
        }
    }
}
