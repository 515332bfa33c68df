package io.brief2image.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.app.Application;
import io.brief2image.app.SettingValues;
import io.brief2image.base.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real brief2image Main (properties, YAML routes, embedded broker) in a fresh folder with free
 * ports, for end-to-end tests. Settings can be added before {@link #start()}.
 */
public final class RunningApp implements AutoCloseable {

    private final Path root;
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, Object> beans = new HashMap<>();
    private final Map<String, String> env = new HashMap<>(System.getenv());
    private Main main;

    public RunningApp(Path root) {
        this.root = root;
        set("inbox", root.resolve("inbox").toString());
        set("outbox", root.resolve("outbox").toString());
        set("failed", root.resolve("failed").toString());
        set("data", root.resolve("data").toString());
        set("http-port", String.valueOf(freePort()));
        set("broker-listen", "tcp://127.0.0.1:" + freePort());
        set("inbox-quiet-ms", "100");
        set("retry-base-ms", "10");
        set("openai-api-key", "");
        set("concurrency", "4");
        // the GPT guard and moderation add calls to whatever server a test scripts for chat or images;
        // they are on only in the tests about them (GuardTest, ModerationTest), which set them to auto
        set("guard", "off");
        set("moderation", "off");
    }

    public RunningApp set(String key, String value) {
        settings.put(key.startsWith("camel.") ? key : "brief2image." + key, value);
        return this;
    }

    /** An environment variable as the service would see it (BRIEF2IMAGE_…), without touching this JVM's. */
    public RunningApp env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A bean bound before start, for the ones Beans looks up first (e.g. freeSpace). */
    public RunningApp bind(String name, Object bean) {
        beans.put(name, bean);
        return this;
    }

    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    public RunningApp start() {
        main = Application.create(SettingValues.resolve(settings, System.getProperties(), env));
        beans.forEach(main::bind);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("brief2image did not start", e);
        }
        return this;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public Path root() {
        return root;
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path failed() {
        return root.resolve("failed");
    }

    public int httpPort() {
        return Integer.parseInt(settings.get("brief2image.http-port"));
    }

    /** Writes a brief next to the inbox, then renames it in, as a careful copy tool would. */
    public Path drop(String name, byte[] content) {
        try {
            Files.createDirectories(inbox());
            Path temp = root.resolve(name + ".tmp");
            Files.write(temp, content);
            return Files.move(temp, inbox().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path drop(String name, String content) {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the sidecars of a brief and returns them in image order. */
    public List<JsonNode> awaitSidecars(String briefId, int count) {
        Path dir = outbox().resolve(briefId);
        await().atMost(Duration.ofSeconds(60)).until(() -> sidecarFiles(dir).size() == count);
        return sidecarFiles(dir).stream().map(RunningApp::readJson).toList();
    }

    /** Rewrites one field of an image's sidecar in the outbox, e.g. to what an earlier model wrote there. */
    public void rewriteSidecar(String briefId, String imageId, String field, String value) {
        Path file = outbox().resolve(briefId).resolve(imageId + ".json");
        ObjectNode sidecar = (ObjectNode) readJson(file);
        sidecar.put(field, value);
        try {
            Files.write(file, Json.MAPPER.writeValueAsBytes(sidecar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code failed/<name>.error.json} and returns it. */
    public JsonNode awaitDeadLetter(String name) {
        Path report = failed().resolve(name + ".error.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(report) && Files.exists(failed().resolve(name)));
        return readJson(report);
    }

    public static JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sidecarFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (main != null) {
            try {
                main.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
