package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;

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

    StreamingReply.Parsed read(String json, Set<String> fields, boolean oneByteAtATime) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        java.io.InputStream in = new ByteArrayInputStream(bytes);
        if (oneByteAtATime) {
            java.io.InputStream all = in;
            in = new java.io.InputStream() {
                @Override
                public int read() throws java.io.IOException {
                    return all.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    return all.read(b, off, Math.min(len, 1));
                }
            };
        }
        return StreamingReply.read(in, fields, this::next);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void arraysOfImagesEscapesAndLineBreaksDecodeTheSameWhateverTheReadSize() throws Exception {
        byte[] first = png(200_000);
        byte[] second = png(49_152);
        String escaped = b64(first).replace("/", "\\/").replace("A", "\\u0041");
        String wrapped = Base64.getMimeEncoder().encodeToString(second).replace("\r\n", "\\n");
        String json = "{\"images\": [\"" + escaped + "\", \"" + wrapped + "\"], \"parameters\": {\"images\": 3, \"seed\": 7},"
                + " \"info\": \"{\\\"seed\\\": 7, \\\"images\\\": [\\\"x\\\"]}\"}";
        for (boolean slow : new boolean[] {false, true}) {
            StreamingReply.Parsed reply = read(json, Set.of("images"), slow);
            assertThat(reply.images()).hasSize(2);
            assertThat(Files.readAllBytes(reply.image(reply.tree().path("images").get(0)).file())).isEqualTo(first);
            assertThat(Files.readAllBytes(reply.image(reply.tree().path("images").get(1)).file())).isEqualTo(second);
            assertThat(reply.tree().path("parameters").path("seed").asInt()).isEqualTo(7);
            assertThat(reply.tree().path("info").asText()).contains("\"images\": [\"x\"]");
        }
    }

    @Test
    void onlyKeysNamedExactlyLikeAnImageFieldAreDecoded() throws Exception {
        byte[] image = png(5_000);
        String json = "{\"note\": \"b64_json\", \"b64_json_size\": \"QUJD\", \"data\": [{\"revised_prompt\": \"b64_json\","
                + " \"b64_json\": \"" + b64(image) + "\"}, {\"b64_json\": null}], \"list\": [\"b64_json\", \"QUJD\"]}";
        StreamingReply.Parsed reply = read(json, Set.of("b64_json"), false);
        assertThat(reply.images()).hasSize(1);
        assertThat(Files.readAllBytes(reply.image(reply.tree().path("data").get(0).path("b64_json")).file())).isEqualTo(image);
        assertThat(reply.tree().path("note").asText()).isEqualTo("b64_json");
        assertThat(reply.tree().path("b64_json_size").asText()).isEqualTo("QUJD");
        assertThat(reply.tree().path("data").get(1).path("b64_json").isNull()).isTrue();
        assertThat(reply.tree().path("list").get(1).asText()).isEqualTo("QUJD");
    }

    @Test
    void brokenBase64EmptyImagesAndNonImageRepliesAreMalformedAndLeaveNoFile() throws Exception {
        String padded = b64(png(65_537));
        String[] broken = {
            "{\"b64_json\": \"QUJD*EFG\"}",
            "{\"b64_json\": \"\"}",
            "{\"b64_json\": \"" + padded.substring(0, 65_536 - 2) + "==" + padded + "\"}",
            "{\"b64_json\": \"QUJD\\u00e9\"}",
            "{\"data\": [{\"b64_json\": \"QUJD\"}]} trailing",
            "{\"text\": \"" + "x".repeat(ImageFieldScanner.MAX_REST + 10) + "\"}",
            "",
        };
        for (String json : broken) {
            assertThatThrownBy(() -> read(json, Set.of("b64_json"), false)).as(json.length() > 80 ? json.substring(0, 80) : json)
                    .isInstanceOf(MalformedReplyException.class);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
