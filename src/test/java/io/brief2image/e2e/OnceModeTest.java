package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.cli.Brief2Image;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --once drains the inbox and exits 0 when every brief was done, 3 when any was dead-lettered. */
class OnceModeTest {

    @Test
    void allDoneExitsZero(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/one.json"), "{\"prompt\": \"a fern\", \"n\": 1}");
        Files.writeString(root.resolve("inbox/two.txt"), "a cactus in a pot");
        assertThat(Brief2Image.run(args(root))).isEqualTo(0);
        assertThat(sidecars(root.resolve("outbox"))).hasSize(3);
        assertThat(root.resolve("inbox/one.json")).doesNotExist();
    }

    @Test
    void anyDeadLetterExitsThree(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("inbox"));
        Files.writeString(root.resolve("inbox/good.json"), "{\"prompt\": \"a fern\", \"n\": 1}");
        Files.writeString(root.resolve("inbox/bad.json"), "{\"prompt\": ");
        assertThat(Brief2Image.run(args(root))).isEqualTo(3);
        assertThat(sidecars(root.resolve("outbox"))).hasSize(1);
        assertThat(root.resolve("failed/bad.json.error.json")).exists();
    }

    private static String[] args(Path root) {
        List<String> args = new ArrayList<>(List.of("--once"));
        for (String setting : List.of("inbox", "outbox", "failed", "data")) {
            args.add("--set");
            args.add(setting + "=" + root.resolve(setting));
        }
        args.addAll(List.of("--set", "http-port=" + RunningApp.freePort(), "--set", "broker-listen=tcp://127.0.0.1:" + RunningApp.freePort(),
                "--set", "inbox-quiet-ms=100", "--set", "openai-api-key="));
        return args.toArray(String[]::new);
    }

    private static List<Path> sidecars(Path outbox) throws IOException {
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
