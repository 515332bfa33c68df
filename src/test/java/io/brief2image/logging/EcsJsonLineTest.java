package io.brief2image.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/** The ECS JSON line: Log4j EcsLayout's field names and order, any text escaped so the line parses back to it. */
class EcsJsonLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EcsJsonLine layout = new EcsJsonLine(new TimeStamps(ZoneId.of("Asia/Kolkata")));

    private JsonNode line(LogEvent event) throws Exception {
        StringBuilder line = new StringBuilder();
        layout.append(line, event);
        String text = line.toString();
        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip()).doesNotContain("\n").doesNotContain("\r");
        return JSON.readTree(text);
    }

    @Test
    void anEventIsOneObjectWithTheEcsFieldsInLog4jsOrder() throws Exception {
        JsonNode event = line(new LogEvent(1_796_188_816_434L, Level.INFO, "io.brief2image.app.Application", "main", "started", null));
        List<String> names = new java.util.ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("@timestamp", "ecs.version", "log.level", "message", "process.thread.name", "log.logger");
        // UTC whatever the machine's zone (here +05:30), where the plain line has the local time
        assertThat(event.path("@timestamp").asText()).isEqualTo("2026-12-02T05:20:16.434Z");
        StringBuilder plain = new StringBuilder();
        new PlainLine(new TimeStamps(ZoneId.of("Asia/Kolkata")), false)
                .append(plain, new LogEvent(1_796_188_816_434L, Level.INFO, "io.brief2image.app.Application", "main", "started", null));
        assertThat(plain.toString()).startsWith("10:50:16.434 INFO  Application ");
        assertThat(event.path("ecs.version").asText()).isEqualTo("1.2.0");
        assertThat(event.path("log.level").asText()).isEqualTo("INFO");
        assertThat(event.path("log.logger").asText()).isEqualTo("io.brief2image.app.Application");
        assertThat(event.path("process.thread.name").asText()).isEqualTo("main");
    }

    @Test
    void quotesBackslashesLineBreaksAndControlCharactersAreEscaped() throws Exception {
        String nasty = "say \"hi\" \\ path C:\\x\nsecond\r\tline \u0001\u001f end \u2028 é 😀 </script>";
        JsonNode event = line(new LogEvent(0L, Level.WARN, "we\"ird", "thread \"1\"", nasty, null));
        assertThat(event.path("message").asText()).isEqualTo(nasty);
        assertThat(event.path("log.logger").asText()).isEqualTo("we\"ird");
        assertThat(event.path("process.thread.name").asText()).isEqualTo("thread \"1\"");
        assertThat(event.path("@timestamp").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void aThrowableGivesItsTypeMessageAndStackTrace() throws Exception {
        Exception thrown = new IllegalStateException("it \"broke\"", new RuntimeException("cause"));
        JsonNode event = line(new LogEvent(0L, Level.ERROR, "x", "main", "failed", thrown));
        assertThat(event.path("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.path("error.message").asText()).isEqualTo("it \"broke\"");
        assertThat(event.path("error.stack_trace").asText()).startsWith("java.lang.IllegalStateException: it \"broke\"")
                .contains("\tat io.brief2image.logging.EcsJsonLineTest.").contains("Caused by: java.lang.RuntimeException: cause");
        JsonNode noMessage = line(new LogEvent(0L, Level.ERROR, "x", "main", "failed", new NullPointerException()));
        assertThat(noMessage.has("error.message")).isFalse();
        assertThat(noMessage.path("error.type").asText()).isEqualTo("java.lang.NullPointerException");
        assertThat(line(new LogEvent(0L, Level.INFO, "x", "main", null, null)).path("message").isTextual()).isTrue();
        assertThat(line(new LogEvent(0L, Level.INFO, "x", "main", null, null)).path("message").asText()).isEmpty();
    }

    @Test
    void mdcEntriesBecomeFieldsOfTheirOwn() throws Exception {
        MDC.put("brief.id", "spring \"hero\"");
        try {
            JsonNode event = line(new LogEvent(0L, Level.INFO, "x", "main", "m", null));
            assertThat(event.path("brief.id").asText()).isEqualTo("spring \"hero\"");
        } finally {
            MDC.clear();
        }
        Iterator<String> names = line(new LogEvent(0L, Level.INFO, "x", "main", "m", null)).fieldNames();
        assertThat(names).toIterable().doesNotContain("brief.id");
    }
}
