package io.brief2image.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Several instances of the packaged jar as a team runs them: one standalone broker, one shared
 * store (a PostgreSQL database, given as BRIEF2IMAGE_DB_URL/USER/PASSWORD as an operator would), one
 * shared inbox, outbox and failed folder, each instance with its own data folder, instance id and ports,
 * all rendering on one image server given by the test (so it can count the fleet's provider calls
 * and their pace from the server's request log). One instance can be killed -9; the logs of all of
 * them are copied to target/fleet-logs when a test fails.
 */
public final class Fleet implements AutoCloseable {

    /** One instance: its folder (data/ and service.log), HTTP port and process. */
    public record Instance(String id, Path dir, int httpPort, Process process) {

        public Path log() {
            return dir.resolve("service.log");
        }

        public Path data() {
            return dir.resolve("data");
        }
    }

    private final Path root;
    private final StandaloneBroker broker;
    private final String dbUrl;
    private final List<Instance> instances = new ArrayList<>();

    private Fleet(Path root, StandaloneBroker broker, String dbUrl) {
        this.root = root;
        this.broker = broker;
        this.dbUrl = dbUrl;
    }

    /** The fleet's shared store: a database of its own on the test run's PostgreSQL server (user postgres, trust on loopback). */
    public String dbUrl() {
        return dbUrl;
    }

    /**
     * Starts {@code size} instances on the broker, rendering on the OpenAI-style server at
     * {@code providerBaseUrl}, with the given settings on top of the fleet's, and waits until each
     * says UP on /observe/health.
     */
    public static Fleet start(Path root, StandaloneBroker broker, String providerBaseUrl, int size, Map<String, String> settings) {
        String dbUrl = PostgresServer.shared().orElseThrow(() -> new IllegalStateException(
                "a fleet shares a PostgreSQL database: install Debian's postgresql package (.ci/run does)")).newDatabase("fleet");
        Fleet fleet = new Fleet(root, broker, dbUrl);
        try {
            for (String folder : List.of("inbox", "outbox", "failed")) {
                Files.createDirectories(root.resolve(folder));
            }
            for (int i = 0; i < size; i++) {
                fleet.launch("fleet-" + (i + 1), providerBaseUrl, settings);
            }
            for (Instance instance : fleet.instances) {
                fleet.awaitUp(instance);
            }
            return fleet;
        } catch (IOException e) {
            fleet.collectLogs("start");
            fleet.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            fleet.collectLogs("start");
            fleet.close();
            throw e;
        }
    }

    private void launch(String id, String providerBaseUrl, Map<String, String> extra) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        int port = RunningApp.freePort();
        Map<String, String> settings = new HashMap<>(PackagedJar.ports(port));
        settings.putAll(Map.of("inbox", inbox().toString(), "outbox", outbox().toString(), "failed", failed().toString(),
                "data", dir.resolve("data").toString(), "instance-id", id, "broker-url", broker.failoverUrl(),
                "provider", "openai", "openai-base-url", providerBaseUrl, "openai-api-key", "sk-test-fleet", "expansion", "rules"));
        settings.putAll(extra);
        Map<String, String> store = Map.of("BRIEF2IMAGE_DB_URL", dbUrl, "BRIEF2IMAGE_DB_USER", "postgres", "BRIEF2IMAGE_DB_PASSWORD", "");
        instances.add(new Instance(id, dir, port, PackagedJar.launch(dir, "service.log", settings, store)));
    }

    private void awaitUp(Instance instance) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        await(instance.id() + " UP, log " + instance.log()).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!instance.process().isAlive()) {
                throw new IllegalStateException(instance.id() + " exited at start: " + Files.readString(instance.log()));
            }
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.httpPort() + "/observe/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = Json.MAPPER.readTree(reply.body());
                return reply.statusCode() == 200 && "UP".equals(body.path("status").asText());
            } catch (IOException e) {
                return false;
            }
        });
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

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public Instance instance(int index) {
        return instances.get(index);
    }

    /** kill -9 of one instance: no shutdown hook, no commit, no cleanup. */
    public void kill(int index) {
        Process process = instances.get(index).process();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(instances.get(index).id() + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies every instance's log and the broker's to target/fleet-logs/&lt;label&gt;/, for a failed test's reader. */
    public Path collectLogs(String label) {
        Path target = Path.of("target", "fleet-logs", label).toAbsolutePath();
        try {
            Files.createDirectories(target);
            for (Instance instance : instances) {
                if (Files.exists(instance.log())) {
                    Files.copy(instance.log(), target.resolve(instance.id() + ".log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (Files.exists(broker.log())) {
                Files.copy(broker.log(), target.resolve("broker.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Stops the instances still running (SIGTERM, then -9 after 30 s). */
    @Override
    public void close() {
        instances.stream().map(Instance::process).filter(Process::isAlive).forEach(Process::destroy);
        for (Instance instance : instances) {
            try {
                if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
                    instance.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
