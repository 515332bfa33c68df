package io.brief2image.offline;

import static io.brief2image.offline.OfflineTestClient.firstImage;
import static io.brief2image.offline.OfflineTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EditsEndpointTest {

    @RegisterExtension
    static final SharedOfflineServer SERVER = new SharedOfflineServer();
    private static final OfflineTestClient client = new OfflineTestClient();

    @Test
    void recordsImagePartsAndRendersFromTheBase() throws Exception {
        HttpResponse<String> first = edit(base("first base"), "image[]");
        HttpResponse<String> sameBase = edit(base("first base"), "image[]");
        HttpResponse<String> otherBase = edit(base("second base"), "image[]");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(firstImage(first)).isEqualTo(firstImage(sameBase));
        assertThat(firstImage(otherBase)).isNotEqualTo(firstImage(first));
        assertThat(OfflineTestClient.readImage(firstImage(first)).getWidth()).isEqualTo(1024);

        assertThat(SERVER.get().requests()).hasSize(3).first().satisfies(recorded -> {
            assertThat(recorded.path()).isEqualTo("/v1/images/edits");
            assertThat(recorded.imageParts()).isEqualTo(1);
            assertThat(recorded.prompt()).isEqualTo("add a hat");
            assertThat(recorded.seed()).isEqualTo(11L);
            assertThat(recorded.size()).isEqualTo("1024x1024");
            assertThat(recorded.fields()).containsEntry("model", "gpt-image-2").doesNotContainKey("image[]");
        });
    }

    @Test
    void acceptsThePlainImageFieldName() throws Exception {
        assertThat(edit(base("plain"), "image").statusCode()).isEqualTo(200);
        assertThat(SERVER.get().requests()).singleElement().satisfies(r -> assertThat(r.imageParts()).isEqualTo(1));
    }

    @Test
    void editWithoutImageIsABadRequest() throws Exception {
        MultipartBody body = new MultipartBody().field("prompt", "nothing to edit");
        HttpResponse<String> response = client.postMultipart(SERVER.get().baseUrl() + "/images/edits", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("image");
    }

    private static HttpResponse<String> edit(byte[] base, String fieldName) throws Exception {
        MultipartBody body = new MultipartBody()
                .field("model", "gpt-image-2")
                .field("prompt", "add a hat")
                .field("size", "1024x1024")
                .field("seed", "11")
                .file(fieldName, "base.png", "image/png", base);
        return client.postMultipart(SERVER.get().baseUrl() + "/images/edits", body);
    }

    private static byte[] base(String prompt) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewPainter.paint(prompt, 1, 64, 64, "png", out);
        return out.toByteArray();
    }
}
