package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server started without {@link OfflineOptions#withFaults} cannot be made to misbehave. */
class FaultsOffByDefaultTest {

    private static final String PLAN = "[{\"type\":\"status\",\"status\":500,\"times\":3}]";

    @RegisterExtension
    static final SharedOfflineServer WITHOUT_FAULTS = new SharedOfflineServer(OfflineOptions.defaults());
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void theControlApiAnswers404AndNoFaultReachesTheEndpoints() throws Exception {
        OfflineImageServer server = WITHOUT_FAULTS.get();
        HttpResponse<String> queued = client.postJson(server.sdWebUiUrl() + "/_offline/faults", PLAN);

        assertThat(queued.statusCode()).isEqualTo(404);
        assertThat(json(queued).path("error").path("message").asText()).contains("brief2image.offline.faults=true");
        assertThat(client.send("GET", server.sdWebUiUrl() + "/_offline/requests").statusCode()).isEqualTo(404);
        assertThat(client.send("DELETE", server.sdWebUiUrl() + "/_offline/faults").statusCode()).isEqualTo(404);
        HttpResponse<String> image = client.postJson(server.baseUrl() + "/images/generations",
                Map.of("prompt", "never faulted", "size", "1024x1024"));
        assertThat(image.statusCode()).isEqualTo(200);
    }

    @Test
    void theInProcessFaultPlanIsRefusedWithTheSwitchToTurn() {
        assertThatThrownBy(WITHOUT_FAULTS.get()::faults).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withFaults(true)");
    }

    @Test
    void turnedOnTheControlApiQueuesFaults() throws Exception {
        try (OfflineImageServer faulty = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true))) {
            HttpResponse<String> queued = client.postJson(faulty.sdWebUiUrl() + "/_offline/faults", PLAN);

            assertThat(queued.statusCode()).isEqualTo(200);
            assertThat(faulty.faults().pending()).hasSize(3);
        }
    }
}
