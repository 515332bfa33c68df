package io.brief2image.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** A logger's calls as lines: levels, {} arguments, throwables, the plain layout and the log file. */
class LineLoggerTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final TimeStamps utc = new TimeStamps(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private LoggerTable table(String levels, Path file) throws IOException {
        LogOutput output = file == null
                ? new LogOutput(new PrintStream(console, false, StandardCharsets.UTF_8), new PlainLine(utc, false), null, null)
                : LogOutput.of("plain", file.toString(), new PrintStream(console, false, StandardCharsets.UTF_8));
        return new LoggerTable(LogLevels.of(null, levels, System.err), output);
    }

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLoggerLogsAtAndAboveItsLevelOnly() throws IOException {
        Logger logger = table("quiet=WARN", null).getLogger("quiet.Thing");
        assertThat(logger.isInfoEnabled()).isFalse();
        assertThat(logger.isWarnEnabled()).isTrue();
        logger.info("not this");
        logger.debug("nor this {}", 1);
        logger.warn("this");
        logger.atError().log("and this");
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).endsWith("WARN  Thing                    this");
        assertThat(lines().get(1)).endsWith("ERROR Thing                    and this");
    }

    @Test
    void argumentsFillTheBracesAndALastThrowableIsTheEventsStackTrace() throws IOException {
        Logger logger = table(null, null).getLogger("io.brief2image.render.ImageRenderer");
        logger.info("brief {} made {} of {} images", "spring-hero", 2, 3);
        logger.info("literal \\{} and {} and an array {}", "x", new int[] {1, 2});
        logger.warn("brief {} failed", "b-1", new IllegalStateException("boom", new java.io.IOException("reset")));
        List<String> lines = lines();
        assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  ImageRenderer            brief spring-hero made 2 of 3 images");
        assertThat(lines.get(1)).endsWith("literal {} and x and an array [1, 2]");
        assertThat(lines.get(2)).endsWith("WARN  ImageRenderer            brief b-1 failed");
        assertThat(lines.get(3)).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(lines.get(4)).startsWith("\tat io.brief2image.logging.LineLoggerTest.");
        assertThat(lines).contains("Caused by: java.io.IOException: reset");
    }

    @Test
    void theNameIsTheSimpleNamePaddedTo24OrItsLast24Characters() {
        PlainLine plain = new PlainLine(utc, false);
        StringBuilder line = new StringBuilder();
        plain.append(line, new LogEvent(3_723_004L, org.slf4j.event.Level.INFO, "a.b.AbcdefghijklmnopqrstuvwxyZ", "main", "m", null));
        plain.append(line, new LogEvent(0L, org.slf4j.event.Level.ERROR, "nodots", "main", null, null));
        assertThat(line.toString().lines()).containsExactly(
                "01:02:03.004 INFO  cdefghijklmnopqrstuvwxyZ m",
                "00:00:00.000 ERROR nodots                   null");
    }

    @Test
    void theLogFileGetsEveryLineWithTheFullLoggerNameAppended() throws IOException {
        Path file = dir.resolve("test.log");
        Files.writeString(file, "earlier line\n");
        Logger logger = table(null, file).getLogger("io.brief2image.store.StoreAccess");
        logger.info("opened {}", "store");
        logger.error("lost", new IllegalArgumentException("gone"));
        List<String> written = Files.readAllLines(file);
        assertThat(written.get(0)).isEqualTo("earlier line");
        assertThat(written.get(1)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  io\\.brief2image\\.store\\.StoreAccess opened store");
        assertThat(written.get(2)).endsWith("ERROR io.brief2image.store.StoreAccess lost");
        assertThat(written.get(3)).isEqualTo("java.lang.IllegalArgumentException: gone");
        assertThat(lines().get(0)).endsWith("INFO  StoreAccess              opened store");
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        Logger logger = table(null, null).getLogger("many");
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    logger.info("thread {} line {} {}", id, i, "x".repeat(100));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(lines()).hasSize(4000).allSatisfy(line -> assertThat(line).matches(".{13}INFO  many {21}thread \\d line \\d+ x{100}"));
    }
}
