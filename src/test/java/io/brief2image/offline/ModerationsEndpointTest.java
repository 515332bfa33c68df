package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.OpenApiSchemas;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /v1/moderations answers in the spec's CreateModerationResponse shape, flagging by its own term list. */
class ModerationsEndpointTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void oneSpecValidResultPerInputFlaggedByTheTermList() throws Exception {
        HttpResponse<String> response = moderate(Map.of("model", "omni-moderation-latest",
                "input", List.of("Photo of a quiet harbour at dawn", "Illustration of a battlefield strewn with entrails")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(OpenApiSchemas.violations("CreateModerationResponse", response.body())).isEmpty();
        JsonNode results = json(response).path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("flagged").asBoolean()).isFalse();
        assertThat(results.get(1).path("flagged").asBoolean()).isTrue();
        assertThat(results.get(1).path("categories").path("violence/graphic").asBoolean()).isTrue();
        assertThat(results.get(1).path("categories").path("sexual").asBoolean()).isFalse();
        assertThat(results.get(1).path("category_scores").path("violence/graphic").asDouble())
                .isGreaterThan(results.get(0).path("category_scores").path("violence/graphic").asDouble());
        assertThat(json(response).path("model").asText()).isEqualTo("omni-moderation-latest");
    }

    @Test
    void aSingleStringAndTextPartsAreInputsToo() throws Exception {
        HttpResponse<String> single = moderate(Map.of("input", "a massacre in the town square"));
        assertThat(OpenApiSchemas.violations("CreateModerationResponse", single.body())).isEmpty();
        assertThat(json(single).path("results").get(0).path("categories").path("violence").asBoolean()).isTrue();

        HttpResponse<String> parts = moderate(Map.of("input", List.of(Map.of("type", "text", "text", "a bowl of cherries"))));
        assertThat(OpenApiSchemas.violations("CreateModerationResponse", parts.body())).isEmpty();
        assertThat(json(parts).path("results").get(0).path("flagged").asBoolean()).isFalse();
    }

    @Test
    void wholeWordsOnly() throws Exception {
        // "gore" is a term; "Gore-Tex"-like words and "gorgeous" are not it
        JsonNode result = json(moderate(Map.of("input", "a gorgeous sunset"))).path("results").get(0);
        assertThat(result.path("flagged").asBoolean()).isFalse();
    }

    @Test
    void aMissingInputIsA400InOpenAisErrorShape() throws Exception {
        HttpResponse<String> response = moderate(Map.of("model", "omni-moderation-latest", "input", List.of()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OpenApiSchemas.violations("ErrorResponse", response.body())).isEmpty();
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("input");
    }

    private static HttpResponse<String> moderate(Map<String, Object> body) throws Exception {
        return client.postJson(SERVER.get().baseUrl() + "/moderations", body);
    }
}
