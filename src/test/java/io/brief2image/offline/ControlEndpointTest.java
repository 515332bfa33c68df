package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControlEndpointTest {

    private static final Map<String, Object> GENERATION = Map.of("prompt", "steered", "seed", 2, "size", "1024x1024");

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void faultsPostedOverHttpAreQueuedInOrder() throws Exception {
        String plan = """
                [{"type":"status","status":429,"code":"rate_limit_exceeded","message":"slow down","retry_after":"1","times":2,"path":"/v1/images"},
                 {"type":"malformed_json"},
                 {"type":"truncated_base64"},
                 {"type":"hang","millis":5000},
                 {"type":"connection_reset"}]
                """;
        HttpResponse<String> queued = client.postJson(SERVER.get().sdWebUiUrl() + "/_offline/faults", plan);
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(json(queued).path("queued").asInt()).isEqualTo(6);

        HttpResponse<String> limited = generate(Duration.ofSeconds(10));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(generate(Duration.ofSeconds(10)).statusCode()).isEqualTo(429);
        assertThat(generate(Duration.ofSeconds(10)).body()).isEqualTo("{\"data\":[{\"b64_json\":");
        assertThatThrownBy(() -> OfflineTestClient.firstImage(generate(Duration.ofSeconds(10))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> generate(Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> generate(Duration.ofSeconds(10))).isInstanceOf(IOException.class);
        assertThat(generate(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownFaultTypesAreRejected() throws Exception {
        HttpResponse<String> response = client.postJson(SERVER.get().sdWebUiUrl() + "/_offline/faults", "[{\"type\":\"gremlins\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SERVER.get().faults().pending()).isEmpty();
    }

    @Test
    void deleteClearsQueuedFaults() throws Exception {
        SERVER.get().faults().next(Fault.connectionReset());

        assertThat(client.send("DELETE", SERVER.get().sdWebUiUrl() + "/_offline/faults").statusCode()).isEqualTo(200);
        assertThat(SERVER.get().faults().pending()).isEmpty();
    }

    @Test
    void recordedRequestsAreServedAsJsonWithoutControlCalls() throws Exception {
        generate(Duration.ofSeconds(10));

        HttpResponse<String> response = client.send("GET", SERVER.get().sdWebUiUrl() + "/_offline/requests");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode requests = json(response);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path("path").asText()).isEqualTo("/v1/images/generations");
        assertThat(requests.get(0).path("prompt").asText()).isEqualTo("steered");
        assertThat(requests.get(0).path("seed").asLong()).isEqualTo(2);
        assertThat(requests.get(0).path("hadBearerToken").asBoolean()).isTrue();
        assertThat(requests.get(0).path("fields").path("size").asText()).isEqualTo("1024x1024");
    }

    private static HttpResponse<String> generate(Duration timeout) throws Exception {
        return client.postJson(SERVER.get().baseUrl() + "/images/generations", GENERATION, timeout);
    }
}
