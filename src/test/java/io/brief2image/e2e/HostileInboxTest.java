package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links are not followed, temp and hidden files are left alone, half-written files are not read. */
class HostileInboxTest {

    @TempDir
    static Path root;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(root).set("inbox-quiet-ms", "400").start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetNeverRead() throws Exception {
        Path secret = root.resolve("secret.json");
        Files.writeString(secret, "{\"prompt\": \"TOP-SECRET-CONTENT\"}");
        Files.createSymbolicLink(app.inbox().resolve("sneaky.json"), secret);
        JsonNode error = app.awaitDeadLetter("sneaky.json");
        assertThat(error.path("reason").asText()).contains("symbolic link");
        assertThat(Files.isSymbolicLink(app.failed().resolve("sneaky.json"))).isTrue();
        try (var files = Files.walk(app.failed())) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                assertThat(Files.readString(file)).doesNotContain("TOP-SECRET-CONTENT");
            }
        }
        assertThat(app.outbox().resolve("secret")).doesNotExist();
    }

    @Test
    void directoriesHiddenAndTempFilesAreIgnored() throws Exception {
        String brief = "{\"prompt\": \"a kettle\", \"n\": 1}";
        Files.createDirectories(app.inbox().resolve("folder.json"));
        Files.createDirectories(app.inbox().resolve("sub"));
        Files.writeString(app.inbox().resolve("sub/nested.json"), brief);
        List<String> ignored = List.of(".hidden.json", "draft.json.part", "~$sheet.csv", "notes.json~", "#autosave.json#",
                "upload.json.crdownload", "copy.tmp", "picture.png");
        for (String name : ignored) {
            Files.writeString(app.inbox().resolve(name), brief);
        }
        app.drop("marker-after-ignored.json", brief);
        app.awaitSidecars("marker-after-ignored", 1);
        for (String name : ignored) {
            assertThat(app.inbox().resolve(name)).as(name).exists();
        }
        assertThat(app.inbox().resolve("sub/nested.json")).exists();
        assertThat(app.outbox().resolve("nested")).doesNotExist();
        assertThat(app.outbox().resolve("hidden")).doesNotExist();
    }

    @Test
    void aFileStillBeingWrittenIsNotRead() throws Exception {
        Path growing = app.inbox().resolve("slow-copy.json");
        AtomicBoolean stillWriting = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing)) {
                byte[] content = "{\"prompt\": \"a slowly copied brief about a red tram\", \"n\": 1}".getBytes(StandardCharsets.UTF_8);
                for (byte b : content) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(40); // a slow network copy: a byte every 40 ms, well under the quiet period
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                stillWriting.set(false);
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (stillWriting.get()) {
                assertThat(growing).exists();
                assertThat(app.failed().resolve("slow-copy.json")).doesNotExist();
            }
            return !stillWriting.get();
        });
        JsonNode sidecar = app.awaitSidecars("slow-copy", 1).get(0);
        assertThat(sidecar.path("prompt").asText()).isEqualTo("a slowly copied brief about a red tram");
        writer.join();
    }
}
