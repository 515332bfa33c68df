package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of bad input becomes a dead letter with a reason and its original bytes; good briefs beside it still render. */
class BadInputTest {

    @TempDir
    static Path root;
    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(root).set("max-brief-bytes", "4096").start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<Arguments> badBriefs() {
        byte[] garbage = new byte[600];
        new Random(3).nextBytes(garbage);
        return Stream.of(
                Arguments.of("malformed.json", "{\"prompt\": \"a cat\",".getBytes(StandardCharsets.UTF_8), "validation", "not valid JSON"),
                Arguments.of("empty.json", new byte[0], "validation", "empty"),
                Arguments.of("garbage.json", garbage, "validation", "not UTF-8"),
                Arguments.of("types.json", "{\"prompt\": 42, \"n\": \"two\", \"expand\": \"yes\"}".getBytes(StandardCharsets.UTF_8),
                        "validation", "The field 'prompt' is 42 (a number), but it must be text in double quotes."),
                Arguments.of("model.json", "{\"prompt\": \"a cat\", \"model\": \"dall-e-9\"}".getBytes(StandardCharsets.UTF_8),
                        "validation", "The field 'model' is 'dall-e-9', which is not a model brief2image knows"),
                Arguments.of("size.json", "{\"prompt\": \"a cat\", \"size\": \"640x480\"}".getBytes(StandardCharsets.UTF_8),
                        "validation", "The field 'size' is '640x480', which is not a size model gpt-image-2 makes: it must have 655,360 to"
                                + " 8,294,400 pixels (it has 307,200). Use the nearest size it makes, 944x704,"),
                Arguments.of("style.json", "{\"prompt\": \"a cat\", \"style\": \"loud\"}".getBytes(StandardCharsets.UTF_8),
                        "validation", "The field 'style' is 'loud', which is not a style"),
                Arguments.of("pathid.json", "{\"id\": \"../x\", \"prompt\": \"a cat\"}".getBytes(StandardCharsets.UTF_8),
                        "validation", "The field 'id' is '../x', which is not allowed"),
                Arguments.of("long.json", ("{\"model\": \"stable-diffusion\", \"prompt\": \"" + "a".repeat(2001) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "validation", "takes at most 2000"),
                Arguments.of("huge.json", ("{\"prompt\": \"" + "b".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "intake", "more than the limit of 4096 bytes"),
                Arguments.of("priority.json", "{\"prompt\": \"a cat\", \"priority\": \"asap\"}".getBytes(StandardCharsets.UTF_8),
                        "validation", "The field 'priority' is 'asap', which is not a priority: use now or batch"),
                Arguments.of("header-only.csv", "prompt,n\n".getBytes(StandardCharsets.UTF_8), "validation", "no briefs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBriefs")
    void badBriefBecomesADeadLetterWhileAGoodOneRenders(String name, byte[] content, String stage, String reason) throws Exception {
        String good = "good-beside-" + name.replace('.', '-');
        app.drop(name, content);
        app.drop(good + ".json", "{\"prompt\": \"a yellow umbrella\", \"n\": 1}");

        JsonNode error = app.awaitDeadLetter(name);
        assertThat(error.path("stage").asText()).isEqualTo(stage);
        assertThat(error.path("reason").asText()).contains(reason);
        assertThat(error.has("first_seen")).isTrue();
        assertThat(error.has("failed_at")).isTrue();
        assertThat(Files.readAllBytes(app.failed().resolve(name))).isEqualTo(content);
        assertThat(app.awaitSidecars(good, 1)).hasSize(1);
        assertThat(app.outbox().resolve("x")).doesNotExist();
        assertThat(root.resolve("x")).doesNotExist();
    }

    @Test
    void aBadSpreadsheetRowFailsAloneWithItsHeader() throws Exception {
        app.drop("mixed.csv", "id,prompt,n\nrow-ok,a pear,1\nrow-bad,a plum,zero\n");
        JsonNode error = app.awaitDeadLetter("mixed-row2.csv");
        assertThat(error.path("reason").asText()).isEqualTo("Brief row 2 of mixed.csv: The column 'n' is \"zero\" (text), but it must be a whole number such as 2.");
        assertThat(Files.readString(app.failed().resolve("mixed-row2.csv"))).isEqualTo("id,prompt,n\nrow-bad,a plum,zero\n");
        assertThat(app.awaitSidecars("row-ok", 1)).hasSize(1);
    }

    @Test
    void everyProblemOfABriefIsNamedAtOnce() {
        app.drop("several.json", "{\"prompt\": \"\", \"quality\": \"ultra\", \"seed\": -4}");
        String reason = app.awaitDeadLetter("several.json").path("reason").asText();
        assertThat(reason).contains("The field 'prompt' is empty").contains("The field 'quality' is 'ultra'").contains("low, medium, high, auto")
                .contains("The field 'seed' is -4");
    }
}
