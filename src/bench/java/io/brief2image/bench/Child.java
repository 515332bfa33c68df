package io.brief2image.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM whose output goes to a log file and whose peak RSS (VmHWM) is polled while it runs. */
final class Child {

    final Process process;
    final Path log;
    final long startedNanos;
    private volatile long peakRssKb;
    private final Thread poller;

    private Child(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
        this.poller = new Thread(this::poll, "rss-" + process.pid());
        poller.setDaemon(true);
        poller.start();
    }

    static Child start(List<String> command, Path workDir, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        Child child = new Child(process, log, started);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return child;
    }

    private void poll() {
        Path status = Path.of("/proc/" + process.pid() + "/status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        peakRssKb = Math.max(peakRssKb, kb);
                    }
                }
                Thread.sleep(50);
            } catch (IOException | RuntimeException e) {
                return; // the process is gone
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits for the exit (killing it after {@code timeoutSeconds}); returns the exit code, -1 on timeout. */
    int await(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        poller.join(1000);
        return process.exitValue();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    double peakRssMib() {
        return peakRssKb / 1024.0;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
