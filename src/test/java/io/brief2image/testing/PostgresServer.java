package io.brief2image.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's package, installed by .ci/run) for the test run: an own cluster in
 * a temporary folder on a free port, listening on 127.0.0.1 only, started once and stopped when the JVM
 * exits. initdb refuses to run as root, so as root it runs as the {@code postgres} user ({@code runuser},
 * else {@code su}). Each caller gets a database of its own ({@link #newDatabase}).
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final Path bin;
    private final Path root;
    private final Path dataDir;
    private final int port;
    private int databases;

    private PostgresServer(Path bin) throws IOException, InterruptedException {
        this.bin = bin;
        this.root = Files.createTempDirectory("b2i-pg", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        this.dataDir = root.resolve("data");
        this.port = freePort();
        Files.createDirectories(dataDir);
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", root.toString()));
        }
        runAsPostgres(bin.resolve("initdb") + " -D " + dataDir + " -A trust -U postgres -E UTF8 --no-sync");
        runAsPostgres(bin.resolve("pg_ctl") + " -D " + dataDir + " -l " + root.resolve("server.log") + " -w -t 60 -o \"-p " + port
                + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-stop"));
    }

    /** The server of this test run, started on first use; empty when PostgreSQL is not installed here. */
    public static synchronized Optional<PostgresServer> shared() {
        if (shared == null) {
            Optional<Path> bin = findBin();
            if (bin.isEmpty()) {
                return Optional.empty();
            }
            try {
                shared = new PostgresServer(bin.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Optional.of(shared);
    }

    /** A fresh, empty database; returns its JDBC URL (user postgres, no password: trust on loopback). */
    public synchronized String newDatabase(String prefix) {
        String name = (prefix + "_" + (++databases)).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Stops the server fast (running connections are cut), as a crash or a DB restart would. */
    public synchronized void stop() {
        try {
            runAsPostgres(bin.resolve("pg_ctl") + " -D " + dataDir + " -m immediate -w stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // already stopped
        }
    }

    public synchronized void start() throws IOException, InterruptedException {
        runAsPostgres(bin.resolve("pg_ctl") + " -D " + dataDir + " -l " + root.resolve("server.log") + " -w -t 60 -o \"-p " + port
                + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
    }

    static Optional<Path> findBin() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(PostgresServer::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void runAsPostgres(String command) throws IOException, InterruptedException {
        if (!asRoot()) {
            run(List.of("sh", "-c", command));
        } else if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
            run(List.of("runuser", "-u", "postgres", "--", "sh", "-c", command));
        } else {
            run(List.of("su", "postgres", "-c", command));
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(root.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("PostgreSQL test server: '" + String.join(" ", command) + "' failed: " + new String(output));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
