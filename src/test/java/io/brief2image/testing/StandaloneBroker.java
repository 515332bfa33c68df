package io.brief2image.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ActiveMQ broker (activemq-broker with KahaDB) in a JVM of its own, as a fleet of
 * instances shares one: on a free port of loopback, persistent in its own folder, so it can be
 * killed -9 and started again on the same port with the same messages (broker-restart tests).
 */
public final class StandaloneBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;
    private int starts;

    private StandaloneBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a broker with its store and logs under {@code dir} and waits until it takes connections. */
    public static StandaloneBroker start(Path dir) {
        StandaloneBroker broker = new StandaloneBroker(dir, RunningApp.freePort());
        broker.restart();
        return broker;
    }

    /** tcp://127.0.0.1:port, what the instances' broker-url is (wrap it in failover:(…) to ride out restarts). */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public String failoverUrl() {
        return "failover:(" + url() + ")?initialReconnectDelay=100&maxReconnectDelay=1000";
    }

    /** Starts the broker again after {@link #kill()} (or the first time), on the same port and store. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        starts++;
        try {
            Files.createDirectories(dir);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", testClassPath(),
                    StandaloneBrokerMain.class.getName(), String.valueOf(port), dir.resolve("store").toString()))
                    .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "broker-" + starts + ".log")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("standalone broker on port " + port + ", log " + log()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the standalone broker exited: " + Files.readString(log()));
                    }
                    return accepts();
                });
    }

    /** kill -9: no clean shutdown, the store is recovered at the next start. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the standalone broker did not die");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The log of the latest start. */
    public Path log() {
        return dir.resolve("broker-" + starts + ".log");
    }

    @Override
    public void close() {
        kill();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * This JVM's class path: surefire and failsafe give the full test class path in
     * surefire.test.class.path (java.class.path may be only their booter jar).
     */
    private static String testClassPath() {
        String full = System.getProperty("surefire.test.class.path");
        return full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
    }
}
