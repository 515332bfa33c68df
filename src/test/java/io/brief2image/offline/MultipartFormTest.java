package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    @Test
    void separatesTextFieldsFromBinaryFileParts() {
        byte[] binary = {0, '\r', '\n', '-', '-', 1, 2, (byte) 0xff};
        MultipartBody body = new MultipartBody()
                .field("prompt", "make it blue")
                .field("n", "2")
                .file("image[]", "a.png", "image/png", binary)
                .file("image[]", "b.png", "image/png", new byte[] {9})
                .file("mask", "m.png", "image/png", new byte[] {7});

        MultipartForm form = MultipartForm.parse(body.bytes(), MultipartForm.boundaryOf(body.contentType()));

        assertThat(form.fields()).containsEntry("prompt", "make it blue").containsEntry("n", "2");
        assertThat(form.filesNamed("image[]", "image")).hasSize(2);
        assertThat(form.filesNamed("image[]").get(0).content()).isEqualTo(binary);
        assertThat(form.filesNamed("image[]").get(0).filename()).isEqualTo("a.png");
        assertThat(form.filesNamed("mask")).hasSize(1);
    }

    @Test
    void readsQuotedBoundaries() {
        assertThat(MultipartForm.boundaryOf("multipart/form-data; boundary=\"abc def\"")).isEqualTo("abc def");
        assertThat(MultipartForm.boundaryOf("application/json")).isNull();
    }

    @Test
    void rejectsBodiesWithoutTheBoundary() {
        assertThatThrownBy(() -> MultipartForm.parse("nothing here".getBytes(StandardCharsets.UTF_8), "xyz"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
