package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenStreamEvent;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImageModel;
import com.openai.models.images.ImagesResponse;
import com.openai.models.models.Model;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.Tool;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official openai-java SDK uses the offline provider for every endpoint it serves, and parses
 * (and validates, where the SDK can) what it answers.
 */
class OfficialSdkConformanceTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static OpenAIClient sdk;

    @BeforeAll
    static void client() {
        sdk = OpenAIOkHttpClient.builder().baseUrl(SERVER.get().baseUrl()).apiKey("sk-offline-sdk")
                .maxRetries(0).timeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void closeClient() {
        sdk.close();
    }

    @Test
    void generatesAnImage() throws Exception {
        ImagesResponse response = sdk.images().generate(ImageGenerateParams.builder()
                .model(ImageModel.GPT_IMAGE_2).prompt("a lighthouse at dusk").n(2L).size("1536x1024")
                .quality(ImageGenerateParams.Quality.LOW).build());

        response.validate();
        assertThat(response.data().orElseThrow()).hasSize(2);
        byte[] png = Base64.getDecoder().decode(response.data().orElseThrow().get(0).b64Json().orElseThrow());
        assertThat(OfflineTestClient.readImage(png).getWidth()).isEqualTo(1536);
        assertThat(response.usage().orElseThrow().outputTokens()).isPositive();
    }

    @Test
    void editsAnImage() throws Exception {
        ImagesResponse response = sdk.images().edit(ImageEditParams.builder()
                .model(ImageModel.GPT_IMAGE_2).prompt("add a red hat").image(png()).build());

        response.validate();
        assertThat(OfflineTestClient.isPng(Base64.getDecoder().decode(
                response.data().orElseThrow().get(0).b64Json().orElseThrow()))).isTrue();
        assertThat(SERVER.get().requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/images/edits");
            assertThat(r.imageParts()).isEqualTo(1);
        });
    }

    @Test
    void answersTheResponsesImageGenerationTool() {
        Response response = sdk.responses().create(ResponseCreateParams.builder()
                .model("gpt-5-mini").input("a paper kite over a beach")
                .addTool(Tool.ImageGeneration.builder().model("gpt-image-2").size(Tool.ImageGeneration.Size._1024X1024)
                        .quality(Tool.ImageGeneration.Quality.LOW).build())
                .build());

        ResponseOutputItem.ImageGenerationCall call = response.output().get(0).imageGenerationCall().orElseThrow();
        call.validate();
        assertThat(OfflineTestClient.isPng(Base64.getDecoder().decode(call.result().orElseThrow()))).isTrue();
        assertThat(call.revisedPrompt()).hasValueSatisfying(p -> assertThat(p).contains("paper kite"));
    }

    @Test
    void listsAndRetrievesModels() {
        List<String> ids = sdk.models().list().data().stream().map(Model::id).toList();

        assertThat(ids).contains("gpt-image-2", "gpt-image-2.6-sunburst").doesNotContain("gpt-image-1");
        Model model = sdk.models().retrieve("gpt-image-2-2026-04-21");
        model.validate();
        assertThat(model.ownedBy()).isNotBlank();
    }

    @Test
    void receivesStreamedGenerationEvents() {
        List<ImageGenStreamEvent> events;
        try (StreamResponse<ImageGenStreamEvent> stream = sdk.images().generateStreaming(ImageGenerateParams.builder()
                .model(ImageModel.GPT_IMAGE_2).prompt("a red kite").partialImages(2L)
                .quality(ImageGenerateParams.Quality.LOW).build())) {
            events = stream.stream().toList();
        }

        assertThat(events).hasSize(3);
        assertThat(events.get(0).asGenerationPartialImage().partialImageIndex()).isZero();
        assertThat(events.get(1).asGenerationPartialImage().partialImageIndex()).isEqualTo(1);
        assertThat(events.get(2).isGenerationCompleted()).isTrue();
        events.get(2).asGenerationCompleted().validate();
        assertThat(Base64.getDecoder().decode(events.get(2).asGenerationCompleted().b64Json())).isNotEmpty();
    }

    @Test
    void aRetiredModelIsTheSdksNotFoundWithModelNotFound() {
        assertThatThrownBy(() -> sdk.images().generate(ImageGenerateParams.builder()
                .model(ImageModel.GPT_IMAGE_1).prompt("a lighthouse").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.getMessage()).contains("The model `gpt-image-1` does not exist or you do not have access to it.");
                });
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewPainter.paint("sdk base", 1, 64, 64, "png", out);
        return out.toByteArray();
    }
}
