package io.brief2image.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts target/brief2image.jar as a child JVM, the way an operator runs it: a working folder of
 * its own, free ports, settings given with --set, output in a log file in the working folder.
 */
public final class PackagedJar {

    private PackagedJar() {
    }

    public static Process launch(Path workDir, String log, Map<String, String> settings, String... arguments) throws IOException {
        return launch(workDir, log, settings, Map.of(), arguments);
    }

    /** As {@link #launch(Path, String, Map, String...)}, with environment variables on top of this JVM's (BRIEF2IMAGE_DB_URL, …). */
    public static Process launch(Path workDir, String log, Map<String, String> settings, Map<String, String> environment,
                                 String... arguments) throws IOException {
        return launch(workDir, log, List.of(), settings, environment, arguments);
    }

    /** As {@link #launch(Path, String, Map, Map, String...)}, with options for the child JVM before {@code -jar}. */
    public static Process launch(Path workDir, String log, List<String> jvmOptions, Map<String, String> settings,
                                 Map<String, String> environment, String... arguments) throws IOException {
        Path jar = Path.of("target/brief2image.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        // as in RunningApp: the GPT guard and moderation add calls to the servers the tests count requests on
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of("guard", "off", "moderation", "off"));
        all.putAll(settings);
        all.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(workDir.toFile(), log));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Settings every child needs: its own HTTP port and broker port, reachable on loopback only. */
    public static Map<String, String> ports(int httpPort) {
        return Map.of("http-port", String.valueOf(httpPort), "http-host", "127.0.0.1",
                "broker-listen", "tcp://127.0.0.1:" + RunningApp.freePort());
    }
}
