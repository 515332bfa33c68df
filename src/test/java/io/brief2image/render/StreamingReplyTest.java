package io.brief2image.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingReplyTest {

    @TempDir
    Path dir;
    final AtomicInteger files = new AtomicInteger();

    Path next() {
        return dir.resolve("img-" + files.incrementAndGet() + ".part");
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
        return bytes;
    }

    @Test
    void decodesEachImageToItsOwnFileAndKeepsTheRestAsATree() throws Exception {
        byte[] first = png(3_000_000);
        byte[] second = png(1000);
        String json = "{\"created\": 1, \"data\": [{\"b64_json\": \"" + Base64.getEncoder().encodeToString(first)
                + "\", \"revised_prompt\": \"a cat\"}, {\"b64_json\": \"" + Base64.getEncoder().encodeToString(second)
                + "\"}], \"usage\": {\"output_tokens\": 42}}";
        StreamingReply.Parsed reply = StreamingReply.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)),
                Set.of("b64_json"), this::next);
        assertThat(reply.images()).hasSize(2);
        ImageSink.StoredImage stored = reply.image(reply.tree().path("data").get(0).path("b64_json"));
        assertThat(Files.readAllBytes(stored.file())).isEqualTo(first);
        assertThat(stored.bytes()).isEqualTo(first.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first)));
        assertThat(stored.mediaType()).isEqualTo(MediaType.PNG);
        assertThat(reply.tree().path("data").get(0).path("revised_prompt").asText()).isEqualTo("a cat");
        assertThat(reply.tree().path("usage").path("output_tokens").asInt()).isEqualTo(42);
    }

    @Test
    void aTruncatedReplyIsMalformedAndLeavesNoFileBehind() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(png(200_000));
        String cut = "{\"data\": [{\"b64_json\": \"" + b64.substring(0, b64.length() / 2);
        assertThatThrownBy(() -> StreamingReply.read(new ByteArrayInputStream(cut.getBytes(StandardCharsets.US_ASCII)),
                Set.of("b64_json"), this::next)).isInstanceOf(MalformedReplyException.class);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void notJsonAtAllIsMalformed() {
        assertThatThrownBy(() -> StreamingReply.read(new ByteArrayInputStream("<html>502</html>".getBytes(StandardCharsets.US_ASCII)),
                Set.of("b64_json"), this::next)).isInstanceOf(MalformedReplyException.class);
    }
}
