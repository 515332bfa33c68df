package io.brief2image.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the lines go: the console (standard output as it was when logging started) in its layout,
 * and optionally a file in the plain layout with full logger names. A line is formatted by the
 * calling thread, then written and flushed under one lock, so lines never interleave and none is
 * left in a buffer when the process exits (standard output is often a pipe to a log shipper).
 */
final class LogOutput {

    private final PrintStream console;
    private final LineLayout consoleLayout;
    private final OutputStream file;
    private final LineLayout fileLayout;
    private final ReentrantLock lock = new ReentrantLock();

    LogOutput(PrintStream console, LineLayout consoleLayout, OutputStream file, LineLayout fileLayout) {
        this.console = console;
        this.consoleLayout = consoleLayout;
        this.file = file;
        this.fileLayout = fileLayout;
    }

    /**
     * The service's output: {@code json} (any case) in {@code format} gives ECS JSON lines, anything
     * else plain ones; {@code logFile} (may be null) is appended to as well.
     */
    static LogOutput of(String format, String logFile, PrintStream console) {
        TimeStamps time = new TimeStamps(java.time.ZoneId.systemDefault());
        LineLayout layout = "json".equalsIgnoreCase(format) ? new EcsJsonLine(time) : new PlainLine(time, false);
        OutputStream file = null;
        if (logFile != null && !logFile.isBlank()) {
            try {
                file = new FileOutputStream(logFile, true);
            } catch (IOException e) {
                System.err.println("-Dbrief2image.log-file: cannot append to " + logFile + " (" + e.getMessage()
                        + "); logging to standard output only");
            }
        }
        return new LogOutput(console, layout, file, new PlainLine(time, true));
    }

    void write(LogEvent event) {
        byte[] line = format(consoleLayout, event);
        byte[] fileLine = file == null ? null : format(fileLayout, event);
        lock.lock();
        try {
            console.write(line, 0, line.length);
            console.flush();
            if (fileLine != null) {
                file.write(fileLine);
            }
        } catch (IOException e) {
            // the file is gone (disk full, deleted folder): the console still has the line
        } finally {
            lock.unlock();
        }
    }

    private static byte[] format(LineLayout layout, LogEvent event) {
        StringBuilder line = new StringBuilder(event.thrown() == null ? 160 : 2048);
        layout.append(line, event);
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }
}
