package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {

    private static final Map<String, Object> GENERATION = Map.of("prompt", "faulty", "seed", 1, "size", "1024x1024");

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void statusFaultRepliesWithErrorBodyAndRetryAfterForTheQueuedNumberOfTimes() throws Exception {
        SERVER.get().faults().next(Fault.status(429, "rate_limit_exceeded", "slow down").withRetryAfter("1"), 2);

        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> limited = generate();
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode error = json(limited).path("error");
            assertThat(error.path("message").asText()).isEqualTo("slow down");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(error.has("param")).isTrue();
            assertThat(error.path("param").isNull()).isTrue();
        }
        assertThat(generate().statusCode()).isEqualTo(200);
        assertThat(SERVER.get().requests()).hasSize(3);
    }

    @Test
    void serverErrorsAndModerationUseOpenAiErrorTypes() throws Exception {
        SERVER.get().faults()
                .next(Fault.status(503, "server_overloaded", "try later").withRetryAfter("Wed, 21 Oct 2037 07:28:00 GMT"))
                .next(Fault.status(400, "moderation_blocked", "Your request was rejected by the safety system."));

        HttpResponse<String> overloaded = generate();
        assertThat(overloaded.statusCode()).isEqualTo(503);
        assertThat(overloaded.headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2037 07:28:00 GMT");
        assertThat(json(overloaded).path("error").path("type").asText()).isEqualTo("server_error");

        HttpResponse<String> blocked = generate();
        assertThat(blocked.statusCode()).isEqualTo(400);
        assertThat(json(blocked).path("error").path("type").asText()).isEqualTo("image_generation_user_error");
    }

    @Test
    void malformedJsonFaultIsA200ThatDoesNotParse() throws Exception {
        SERVER.get().faults().next(Fault.malformedJson());

        HttpResponse<String> response = generate();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> json(response)).isInstanceOf(JsonProcessingException.class);
        assertThat(generate().statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedBase64FaultEndsTheBodyPrematurely() throws Exception {
        SERVER.get().faults().next(Fault.truncatedBase64());

        Throwable failure = catchThrowable(() -> OfflineTestClient.firstImage(generate()));

        // either the client notices the chunked stream ended early, or it gets JSON cut off mid-string
        assertThat(failure).isInstanceOf(IOException.class);
        assertThat(generate().statusCode()).isEqualTo(200);
    }

    @Test
    void hangFaultMakesTheClientTimeOut() throws Exception {
        SERVER.get().faults().next(Fault.hang(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> client.postJson(SERVER.get().baseUrl() + "/images/generations", GENERATION,
                Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(generate().statusCode()).isEqualTo(200);
    }

    @Test
    void shortHangStillRepliesNormally() throws Exception {
        SERVER.get().faults().next(Fault.hang(Duration.ofMillis(50)));

        assertThat(generate().statusCode()).isEqualTo(200);
    }

    @Test
    void connectionResetFaultGivesTheClientAnIoException() throws Exception {
        SERVER.get().faults().next(Fault.connectionReset());

        assertThatThrownBy(FaultInjectionTest::generate).isInstanceOf(IOException.class);
        assertThat(generate().statusCode()).isEqualTo(200);
        assertThat(SERVER.get().requests()).hasSize(2);
    }

    @Test
    void pathPrefixedFaultsWaitForTheirEndpoint() throws Exception {
        SERVER.get().faults().next(Fault.status(500, "server_error", "sd down").forPath("/sdapi"));

        assertThat(generate().statusCode()).isEqualTo(200);
        HttpResponse<String> sd = client.postJson(SERVER.get().sdWebUiUrl() + "/sdapi/v1/txt2img",
                Map.of("prompt", "x", "width", 64, "height", 64));
        assertThat(sd.statusCode()).isEqualTo(500);
        assertThat(SERVER.get().faults().pending()).isEmpty();
    }

    @Test
    void faultsWorkOnEveryImageEndpoint() throws Exception {
        SERVER.get().faults().next(Fault.status(502, "bad_gateway", "upstream"), 2);

        HttpResponse<String> responses = client.postJson(SERVER.get().baseUrl() + "/responses", Map.of("input", "x"));
        MultipartBody edit = new MultipartBody().field("prompt", "x");
        HttpResponse<String> edits = client.postMultipart(SERVER.get().baseUrl() + "/images/edits", edit);

        assertThat(responses.statusCode()).isEqualTo(502);
        assertThat(edits.statusCode()).isEqualTo(502);
    }

    private static HttpResponse<String> generate() throws Exception {
        return client.postJson(SERVER.get().baseUrl() + "/images/generations", GENERATION);
    }
}
