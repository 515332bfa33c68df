package io.brief2image.ops.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.brief2image.brief.ModelTable;
import io.brief2image.ops.ServedModelsWatch;
import io.brief2image.render.ProviderModels;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider health check asks the provider (here the offline server, which serves today's models) what it serves. */
class ProviderModelsHealthTest {

    static final ModelTable TABLE = ModelTable.load("classpath:models.yaml");
    static OfflineImageServer provider;

    @BeforeAll
    static void start() throws Exception {
        provider = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void clean() {
        provider.faults().clear();
    }

    @Test
    void upWhenTheDefaultModelIsServedListingTableModelsThatAreNot() {
        ServedModelsWatch watch = watch(provider.baseUrl(), "gpt-image-2");
        HealthCheck.Result result = call(watch);

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("default model gpt-image-2 is served"));
        assertThat(result.getDetails()).containsEntry("default_model", "gpt-image-2 served");
        // stable-diffusion goes to an SD WebUI server, so the OpenAI list is no judge of it
        assertThat(result.getDetails().get("table_models_not_served").toString())
                .contains("gpt-image-1", "gpt-image-1.5", "dall-e-3").doesNotContain("stable-diffusion", "gpt-image-2");
        assertThat(provider.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/v1/models");
            assertThat(r.hadBearerToken()).isTrue();
        });
    }

    @Test
    void downWithTheReasonWhenTheDefaultModelIsNotServed() {
        HealthCheck.Result result = call(watch(provider.baseUrl(), "gpt-image-1"));

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("default model gpt-image-1 is NOT served by the provider").contains("set brief2image.model"));
        assertThat(result.getDetails()).containsEntry("default_model", "gpt-image-1 NOT served");
    }

    @Test
    void aFailingModelsCallLeavesTheServiceUpSaysWhatFailedAndIsAskedAgain() {
        provider.faults().next(Fault.status(503, "server_error", "The server is overloaded").forPath("/v1/models"));
        ServedModelsWatch watch = watch(provider.baseUrl(), "gpt-image-2");

        HealthCheck.Result failed = call(watch);
        assertThat(failed.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(failed.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("served models unknown").contains("GET /models answered HTTP 503 (server_error)").contains("retrying"));
        assertThat(failed.getDetails()).containsEntry("served_models", "unknown");

        watch.check();
        HealthCheck.Result recovered = check(watch);
        assertThat(recovered.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(recovered.getDetails()).containsEntry("default_model", "gpt-image-2 served").doesNotContainKey("models_call");
    }

    @Test
    void aRefusedKeyIsReportedWithoutTheKeyAndAnUnreachableProviderToo() {
        String key = "sk-proj-secret-key-1234567890";
        WireMockServer openAi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        openAi.start();
        try {
            // OpenAI's real 401 message quotes part of the key
            openAi.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + key + ".\","
                            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")));
            ServedModelsWatch refused = new ServedModelsWatch(new ProviderModels("http://127.0.0.1:" + openAi.port() + "/v1", key,
                    Duration.ofSeconds(5)), TABLE, "gpt-image-2", Duration.ofMinutes(30), Clock.systemUTC());
            HealthCheck.Result result = call(refused);

            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("HTTP 401 (invalid_api_key)").doesNotContain(key));
            assertThat(result.getDetails().toString()).doesNotContain(key);
        } finally {
            openAi.stop();
        }

        HealthCheck.Result unreachable = call(watch("http://127.0.0.1:" + io.brief2image.testing.RunningApp.freePort() + "/v1", "gpt-image-2"));
        assertThat(unreachable.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(unreachable.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("GET /models failed: ConnectException"));
    }

    @Test
    void unknownUntilTheFirstAnswer() {
        HealthCheck.Result result = check(watch(provider.baseUrl(), "gpt-image-2"));

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("served models unknown (not asked yet)"));
    }

    private static ServedModelsWatch watch(String baseUrl, String defaultModel) {
        return new ServedModelsWatch(new ProviderModels(baseUrl, "sk-test", Duration.ofSeconds(5)), TABLE, defaultModel,
                Duration.ofMinutes(30), Clock.systemUTC());
    }

    /** One models call, then the health check. */
    private static HealthCheck.Result call(ServedModelsWatch watch) {
        watch.check();
        return check(watch);
    }

    private static HealthCheck.Result check(ServedModelsWatch watch) {
        ProviderHealthCheck check = new ProviderHealthCheck("openai", true, () -> false, watch::latest);
        check.setCamelContext(new DefaultCamelContext());
        return check.call();
    }
}
