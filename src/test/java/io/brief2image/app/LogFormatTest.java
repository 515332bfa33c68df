package io.brief2image.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped logging (io.brief2image.logging, found by SLF4J), in a fresh JVM (the format and the levels are read
 * from the environment): json gives one JSON object per line, anything else plain lines, and no value loses the logs.
 */
class LogFormatTest {

    private static final String PROBE = """
            public class LogProbe {
                public static void main(String[] args) {
                    org.slf4j.LoggerFactory.getLogger("probe").info("hello \\"quoted\\" world");
                    org.slf4j.LoggerFactory.getLogger("probe").warn("it broke", new IllegalStateException("boom"));
                    org.slf4j.LoggerFactory.getLogger("io.brief2image.probe.Detail").debug("detail {}", 42);
                }
            }
            """;

    @TempDir
    Path dir;
    /** LogProbe compiled once for the four runs, instead of each child JVM compiling it from source. */
    @TempDir
    static Path probeClasses;

    @BeforeAll
    static void compileProbe() throws Exception {
        Path source = probeClasses.resolve("LogProbe.java");
        Files.writeString(source, PROBE);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", mainClassPath(), "-d", probeClasses.toString(), source.toString());
        assertThat(status).as("javac LogProbe.java").isZero();
    }

    @Test
    void jsonFormatWritesOneJsonObjectPerLine() throws Exception {
        List<String> lines = run("json");
        assertThat(lines).hasSize(2);
        JsonNode info = Json.MAPPER.readTree(lines.get(0));
        assertThat(info.path("message").asText()).isEqualTo("hello \"quoted\" world");
        assertThat(info.path("log.level").asText()).isEqualTo("INFO");
        assertThat(info.has("@timestamp")).isTrue();
        JsonNode warn = Json.MAPPER.readTree(lines.get(1));
        assertThat(warn.path("error.message").asText()).isEqualTo("boom");
        assertThat(warn.path("error.stack_trace").asText()).contains("IllegalStateException");
    }

    @Test
    void anyOtherValueStillLogsPlainLines() throws Exception {
        for (String format : new String[] {"plain", "text", ""}) {
            List<String> lines = run(format);
            assertThat(lines).as(format).anySatisfy(line -> assertThat(line).contains("INFO").contains("hello \"quoted\" world"));
            assertThat(lines.get(0)).as(format).doesNotStartWith("{");
        }
        assertThat(run("plain")).containsExactly("INFO  probe                    hello \"quoted\" world",
                "WARN  probe                    it broke", "java.lang.IllegalStateException: boom");
    }

    @Test
    void brief2imageLogLevelsTurnsALoggerUp() throws Exception {
        assertThat(run("plain", "io.brief2image=DEBUG")).contains("DEBUG Detail                   detail 42");
        assertThat(run("plain", "probe=ERROR,io.brief2image.probe=DEBUG")).containsExactly("DEBUG Detail                   detail 42");
    }

    private List<String> run(String format) throws Exception {
        return run(format, null);
    }

    /** The probe's output lines, stack frames left out and, for plain lines, the time stamp cut off. */
    private List<String> run(String format, String levels) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", probeClasses + File.pathSeparator + mainClassPath(), "LogProbe")
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("BRIEF2IMAGE_LOG_FORMAT", format);
        if (levels != null) {
            builder.environment().put("BRIEF2IMAGE_LOG_LEVELS", levels);
        } else {
            builder.environment().remove("BRIEF2IMAGE_LOG_LEVELS");
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("\tat ") && !line.isBlank())
                .map(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*") ? line.substring(13) : line).toList();
    }

    /** The test class path without test-classes: the shipped classes and resources only. */
    private static String mainClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
