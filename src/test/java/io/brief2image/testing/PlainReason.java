package io.brief2image.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What every reason of an error report must be: a sentence for the person who wrote the brief,
 * with no exception names, parser internals, paths or stack text; and what its detail must be:
 * the technical text, with no absolute path either.
 */
public final class PlainReason {

    private static final Pattern PARSER_LOCATION = Pattern.compile("line: \\d+, column: \\d+");
    private static final Pattern STACK_LINE = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|com|org|io)\\.[a-z]+\\.[\\w.$]+");

    private PlainReason() {
    }

    /** Asserts the reason (and the detail beside it) of an error report, result event or DLQ message. */
    public static void assertPlain(String reason, String detail, Path root) {
        assertThat(reason).as("reason").isNotBlank();
        // or a figure: "1 of 2 images was made and is in the outbox; ..."
        assertThat(reason.codePointAt(0)).as("reason starts with a capital letter or a figure: %s", reason)
                .matches(c -> Character.isUpperCase(c) || Character.isDigit(c));
        assertThat(reason).as("reason").endsWith(".")
                .doesNotContain("Exception", "java.", "[Source:", "Caused by", "\tat ", "/tmp", "/work", "C:\\", "JsonParse",
                        "Mismatched", "HTTP/1.1", root.toString(), Path.of("").toAbsolutePath().toString())
                .doesNotContainPattern(PARSER_LOCATION)
                .doesNotContainPattern(STACK_LINE)
                .doesNotContainPattern(CLASS_NAME);
        if (detail != null) {
            assertThat(detail).as("detail").doesNotContain("/tmp", "/work", "C:\\", root.toString(), "\tat ");
        }
    }

    public static void assertPlain(JsonNode report, Path root) {
        assertPlain(report.path("reason").asText(), report.hasNonNull("detail") ? report.path("detail").asText() : null, root);
    }
}
