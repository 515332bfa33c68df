package io.brief2image.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema checker the conformance tests rely on does reject what the spec forbids. */
class OpenApiSchemasTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ListModelsResponse|{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"created\":1}]}",
        "ListModelsResponse|{\"object\":\"dict\",\"data\":[]}",
        "ErrorResponse|{\"error\":{\"message\":\"m\",\"type\":\"t\",\"code\":\"c\"}}",
        "ImagesResponse|{\"data\":[]}",
        "CreateImageRequest|{\"prompt\":\"p\",\"n\":11}",
        "CreateImageRequest|{\"prompt\":\"p\",\"quality\":\"ultra\"}",
        "CreateChatCompletionRequest.subset|{\"model\":\"m\"}",
        "CreateResponse.image_generation_tool|{\"type\":\"image_generation\",\"partial_images\":4}",
        "ImageGenStreamEvent|{\"type\":\"image_generation.partial_image\",\"b64_json\":\"x\",\"created_at\":1,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"auto\",\"output_format\":\"png\"}",
        "ImageGenStreamEvent|{\"type\":\"image_edit.completed\",\"b64_json\":\"x\",\"created_at\":1,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"auto\",\"output_format\":\"png\",\"usage\":{}}"})
    void rejectsBodiesTheSpecForbids(String schema, String body) {
        assertThat(OpenApiSchemas.violations(schema, body)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ListModelsResponse|{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"created\":1,\"owned_by\":\"o\"}]}",
        "CreateImageRequest|{\"prompt\":\"p\",\"n\":2,\"size\":\"2048x1152\",\"style\":null}"})
    void acceptsBodiesTheSpecAllows(String schema, String body) {
        assertThat(OpenApiSchemas.violations(schema, body)).isEmpty();
    }
}
