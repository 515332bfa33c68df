package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image_generation_call output item of a Responses API reply: image, revised prompt, or a clear failure. */
class ResponsesOutputTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

    @TempDir
    Path temp;

    @Test
    void theImageCallGivesTheImageAndTheProvidersRevisedPrompt() throws Exception {
        StreamingReply.Parsed reply = read("""
                {"id": "resp_1", "output": [
                  {"type": "reasoning", "id": "rs_1", "summary": []},
                  {"type": "image_generation_call", "id": "ig_1", "status": "completed",
                   "revised_prompt": "A red fox in fresh snow, morning light", "result": "%s"},
                  {"type": "message", "content": [{"type": "output_text", "text": "Here is your fox."}]}],
                 "usage": {"input_tokens": 10, "output_tokens": 1056}}""".formatted(Base64.getEncoder().encodeToString(PNG)));

        ProviderResult.Image image = ResponsesOutput.imageOf(reply);

        assertThat(image.revisedPrompt()).isEqualTo("A red fox in fresh snow, morning light");
        assertThat(image.seed()).isNull();
        assertThat(Files.readAllBytes(image.stored().file())).isEqualTo(PNG);
        assertThat(image.stored().mediaType()).isEqualTo(MediaType.PNG);
    }

    @Test
    void aBlankRevisedPromptCountsAsNone() throws Exception {
        StreamingReply.Parsed reply = read("""
                {"output": [{"type": "image_generation_call", "revised_prompt": " ", "result": "%s"}]}"""
                .formatted(Base64.getEncoder().encodeToString(PNG)));
        assertThat(ResponsesOutput.imageOf(reply).revisedPrompt()).isNull();
    }

    @Test
    void anImageCallWithoutResultIsMalformed() throws Exception {
        StreamingReply.Parsed reply = read("""
                {"output": [{"type": "image_generation_call", "id": "ig_2", "status": "failed", "revised_prompt": "x"}]}""");
        assertThatThrownBy(() -> ResponsesOutput.imageOf(reply))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("no image").hasMessageContaining("failed");
    }

    @Test
    void aReplyWithoutImageCallIsMalformedAndQuotesWhatTheModelSaid() throws Exception {
        StreamingReply.Parsed reply = read("""
                {"output": [{"type": "message", "content": [{"type": "refusal", "refusal": "I can't draw that."}]}]}""");
        assertThatThrownBy(() -> ResponsesOutput.imageOf(reply))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("I can't draw that.");
    }

    private StreamingReply.Parsed read(String json) throws Exception {
        AtomicInteger n = new AtomicInteger();
        Supplier<Path> files = () -> temp.resolve("image-" + n.incrementAndGet());
        return StreamingReply.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Set.of(ResponsesOutput.RESULT_FIELD), files);
    }
}
