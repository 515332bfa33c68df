package io.brief2image.e2e;

import static io.brief2image.testing.PlainReason.assertPlain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.testing.RunningApp;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reason bad input can produce, through the real inbox and queue: malformed JSON at many
 * places, a wrong type per field, values the model does not take, spreadsheet and intake errors.
 * Each reason is a plain sentence that says what to fix; the parser's text is in the detail.
 */
class BriefReasonsTest {

    @TempDir
    static Path root;
    static RunningApp app;

    @BeforeAll
    static void start() {
        // retired-models=reject, so a brief naming a shut-down model has a reason too
        app = new RunningApp(root).set("max-brief-bytes", "4096").set("expansion", "rules").set("retired-models", "reject").start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** name, content, dead letter, stage, what the reason says, what the detail says (null: no detail). */
    static Stream<Arguments> badBriefs() {
        return Stream.of(
                // malformed JSON, at several places
                json("end-of-object", "{\"id\":\"broken\"", "The brief is not valid JSON (line 1, character 15): the text ends before the brief"
                        + " is complete; a closing } is missing at the end.", "Unexpected end-of-input"),
                json("end-after-comma", "{\"prompt\": \"a cat\",", "a closing } is missing at the end.", "Unexpected end-of-input"),
                json("end-in-text", "{\"prompt\": \"a cat", "a closing double quote is missing.", "end-of-input"),
                json("unquoted-name", "{prompt: \"a cat\"}", "a field name must be in double quotes", "double-quote to start field name"),
                json("missing-colon", "{\"prompt\" \"a cat\"}", "a colon is missing between a field name and its value.", "colon"),
                json("missing-comma", "{\"prompt\": \"a cat\" \"n\": 1}", "a comma is missing between two entries.", "comma"),
                json("bare-word", "{\"prompt\": cat}", "'cat' is not a value; text must be in double quotes", "Unrecognized token 'cat'"),
                json("trailing-comma", "{\"prompt\": \"a cat\",}", "the last field must not be followed by a comma.", "double-quote"),
                json("wrong-bracket", "{\"prompt\": \"a cat\"]", "a closing bracket does not match the opening one.", "close marker"),
                json("raw-newline", "{\"prompt\": \"a\ncat\"}", "a text value holds a line break or tab", "Illegal unquoted character"),
                json("leading-zero", "{\"prompt\": \"a cat\", \"n\": 01}", "write plain digits such as 2", "Leading zeroes"),
                json("two-briefs", "{\"prompt\": \"a\"} {\"prompt\": \"b\"}", "there is more text after the brief's closing }", "Trailing token"),
                json("twice", "{\"prompt\": \"x\", \"prompt\": \"y\"}", "the field 'prompt' appears twice; keep only one of them.", "Duplicate field"),
                json("line-three", "{\n  \"prompt\": \"a cat\"\n  \"n\": 1\n}", "(line 3, character 3): a comma is missing", "line 3"),
                json("array", "[1, 2]", "The brief must be a JSON object such as {\"prompt\": \"a red bicycle\"}, but it is a list: put the fields"
                        + " between { and }.", null),
                json("empty", "", "The brief is empty: write a JSON object such as {\"prompt\": \"a red bicycle\"}.", null),
                // a wrong type for each kind of field
                json("type-prompt", "{\"prompt\": 42}", "The field 'prompt' is 42 (a number), but it must be text in double quotes.", null),
                json("type-n", "{\"prompt\": \"a cat\", \"n\": \"two\"}", "The field 'n' is \"two\" (text), but it must be a whole number such as 2.", null),
                json("type-n-fraction", "{\"prompt\": \"a cat\", \"n\": 1.5}", "The field 'n' is 1.5 (a number), but it must be a whole number", null),
                json("type-expand", "{\"prompt\": \"a cat\", \"expand\": \"yes\"}", "The field 'expand' is \"yes\" (text), but it must be true or false", null),
                json("type-seed", "{\"prompt\": \"a cat\", \"seed\": -4}", "The field 'seed' is -4, but it must be a whole number from 0 to", null),
                json("type-seeds", "{\"prompt\": \"a cat\", \"seeds\": [1, \"two\"]}", "The field 'seeds' holds \"two\" (text), but every seed", null),
                json("type-metadata", "{\"prompt\": \"a cat\", \"metadata\": [1]}", "The field 'metadata' is [1] (a list), but it must be a JSON object", null),
                json("type-model", "{\"prompt\": \"a cat\", \"model\": 7}", "The field 'model' is 7 (a number), but it must be text", null),
                json("type-size", "{\"prompt\": \"a cat\", \"size\": 1024}", "The field 'size' is 1024 (a number), but it must be text", null),
                // values the model table does not allow
                json("unknown-model", "{\"prompt\": \"a cat\", \"model\": \"dall-e-9\"}", "The field 'model' is 'dall-e-9', which is not a model"
                        + " brief2image knows: use one of ", null),
                json("retired-model", "{\"prompt\": \"a cat\", \"model\": \"gpt-image-1\"}", "The field 'model' is 'gpt-image-1', a model that"
                        + " was shut down on 2026-10-23: name gpt-image-2 instead, or set retired-models=replace to render such briefs on it.", null),
                json("bad-size", "{\"prompt\": \"a cat\", \"size\": \"640x480\"}", "The field 'size' is '640x480', which is not a size model"
                        + " gpt-image-2 makes: it must have 655,360 to 8,294,400 pixels (it has 307,200). Use the nearest size it makes,"
                        + " 944x704, or square, wide, tall or one of 1024x1024, 1536x1024, 1024x1536, auto.", null),
                json("size-rules", "{\"prompt\": \"a cat\", \"size\": \"4000x1008\"}", "which is not a size model gpt-image-2 makes: the longest"
                        + " side must be at most 3840; the aspect ratio must be at most 3:1. Use the nearest size it makes,", null),
                json("size-words", "{\"prompt\": \"a cat\", \"size\": \"huge\"}", "The field 'size' is 'huge', which is not a size written like"
                        + " 1536x1024", null),
                json("no-style", "{\"prompt\": \"a cat\", \"style\": \"loud\"}", "The field 'style' is 'loud', which is not a style: model"
                        + " gpt-image-2 takes no style, and only natural or vivid are turned into words in the prompt.", null),
                json("bad-quality", "{\"prompt\": \"a cat\", \"quality\": \"ultra\"}", "The field 'quality' is 'ultra', which model gpt-image-2 does"
                        + " not take: use one of low, medium, high, auto.", null),
                json("bad-id", "{\"id\": \"../x\", \"prompt\": \"a cat\"}", "The field 'id' is '../x', which is not allowed: use 1 to 100 letters", null),
                json("no-prompt", "{\"n\": 1}", "The field 'prompt' is missing: add it and say what the image should show.", null),
                json("n-zero", "{\"prompt\": \"a cat\", \"n\": 0}", "The field 'n' is 0, but it must be at least 1", null),
                json("too-long", "{\"model\": \"stable-diffusion\", \"prompt\": \"" + "a".repeat(2001) + "\"}", "The field 'prompt' is 2001"
                        + " characters long, but model stable-diffusion takes at most 2000: shorten it.", null),
                json("half-tune", "{\"prompt\": \"a cat\", \"base_image\": \"cat-1\"}", "The fields 'base_image' and 'change' go together", null),
                json("no-parent", "{\"reproduce\": \"nobody-here-1\"}", "The field 'reproduce' names the image 'nobody-here-1', but there is no"
                        + " earlier image with that id in the outbox", null),
                Arguments.of("blocked.json", "{\"prompt\": \"a documentary still about self harm\", \"n\": 1}".getBytes(StandardCharsets.UTF_8),
                        "blocked.json", "guidelines", "The prompt asks for content the guidelines do not allow", null),
                // spreadsheets: the whole file, and one row
                Arguments.of("quote.csv", bytes("prompt,n\n\"a cat,1\n"), "quote.csv", "validation",
                        "The spreadsheet has a double quote in the row on line 2 that is never closed", "unclosed quote"),
                Arguments.of("header-only.csv", bytes("prompt,n\n"), "header-only.csv", "validation",
                        "The spreadsheet 'header-only.csv' has a header row but no briefs below it: add one brief per row.", null),
                Arguments.of("blank.csv", bytes("\n\n"), "blank.csv", "validation", "The spreadsheet is empty", null),
                Arguments.of("cells.csv", bytes("prompt,n\na cat, with a hat,1\n"), "cells-row1.csv", "validation",
                        "Brief row 1 of cells.csv: The row has 3 cells, but the header row names only 2 columns", null),
                Arguments.of("cell-type.csv", bytes("id,prompt,n\nok-row,a pear,1\nbad-row,a plum,zero\n"), "cell-type-row2.csv", "validation",
                        "Brief row 2 of cell-type.csv: The column 'n' is \"zero\" (text), but it must be a whole number such as 2.", null),
                // intake
                Arguments.of("latin1.json", "{\"prompt\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1), "latin1.json", "validation",
                        "The file 'latin1.json' is not UTF-8 text (it may be binary, or saved in another encoding): save it as UTF-8",
                        "invalid UTF-8 byte 0xE9 at byte offset 15"),
                Arguments.of("huge.json", bytes("{\"prompt\": \"" + "b".repeat(5000) + "\"}"), "huge.json", "intake",
                        "The file 'huge.json' is 5014 bytes, more than the limit of 4096 bytes: split it into smaller files", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBriefs")
    void eachBadInputHasAPlainReason(String name, byte[] content, String deadLetter, String stage, String says, String detailSays) {
        app.drop(name, content);
        JsonNode error = app.awaitDeadLetter(deadLetter);
        assertThat(error.path("stage").asText()).isEqualTo(stage);
        assertThat(error.path("reason").asText()).contains(says);
        assertPlain(error, root);
        if (detailSays == null) {
            assertThat(error.path("detail").isNull()).as("no detail: %s", error.path("detail")).isTrue();
        } else {
            assertThat(error.path("detail").asText()).contains(detailSays);
        }
    }

    @Test
    void aSymbolicLinkHasAPlainReason() throws IOException {
        Path target = Files.writeString(root.resolve("elsewhere.json"), "{\"prompt\": \"a cat\"}");
        Files.createSymbolicLink(app.inbox().resolve("link.json"), target);
        JsonNode error = app.awaitDeadLetter("link.json");
        assertThat(error.path("reason").asText()).isEqualTo("The file 'link.json' is a symbolic link, and brief2image does not follow links:"
                + " copy the brief itself into the inbox.");
        assertPlain(error, root);
    }

    @Test
    void aReusedIdHasAPlainReason() {
        app.drop("taken-first.json", "{\"id\": \"taken-id\", \"prompt\": \"a pear\", \"n\": 1}");
        app.awaitSidecars("taken-id", 1);
        app.drop("taken-second.json", "{\"id\": \"taken-id\", \"prompt\": \"a plum\", \"n\": 1}");
        JsonNode error = app.awaitDeadLetter("taken-second.json");
        assertThat(error.path("reason").asText()).startsWith("The id 'taken-id' is already used").contains("\"replace\": true");
        assertPlain(error, root);
    }

    @Test
    void reproducingAnImageOfAShutDownModelHasAPlainReason() {
        app.drop("old-pear.json", "{\"id\": \"old-pear\", \"prompt\": \"a pear on a plate\", \"n\": 1}");
        app.awaitSidecars("old-pear", 1);
        // the sidecar as gpt-image-1 wrote it before its shutdown
        app.rewriteSidecar("old-pear", "old-pear-1", "model", "gpt-image-1");

        app.drop("pear-again.json", "{\"reproduce\": \"old-pear-1\"}");
        JsonNode error = app.awaitDeadLetter("pear-again.json");
        assertThat(error.path("reason").asText()).isEqualTo("The earlier image was made with 'gpt-image-1', a model that was shut down on"
                + " 2026-10-23, so it cannot be made again: set retired-models=replace to render it on gpt-image-2, or write a new brief.");
        assertPlain(error, root);
    }

    @Test
    void aJmsBriefGetsThePlainReasonInItsReplyAndOnTheDlqWithTheDetailBeside() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(app.settings().get("brief2image.broker-listen")).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            TextMessage brief = session.createTextMessage("{\"id\": \"jms-broken\", \"prompt\": \"a cat\"");
            brief.setJMSReplyTo(replies);
            session.createProducer(session.createQueue("briefs")).send(brief);

            TextMessage reply = (TextMessage) session.createConsumer(replies).receive(60_000);
            JsonNode result = Json.MAPPER.readTree(reply.getText());
            assertThat(result.path("reason").asText()).contains("The brief is not valid JSON (line 1, character");
            assertPlain(result.path("reason").asText(), result.path("detail").asText(), root);
            assertThat(result.path("detail").asText()).startsWith("JSON parser: Unexpected end-of-input");

            TextMessage parked = (TextMessage) session.createConsumer(session.createQueue("briefs.DLQ"), "b2i_error_reason LIKE 'The brief is not valid JSON%'").receive(30_000);
            assertPlain(parked.getStringProperty("b2i_error_reason"), parked.getStringProperty("b2i_error_detail"), root);
            assertThat(parked.getStringProperty("b2i_error_detail")).contains("Unexpected end-of-input");
        }
    }

    @Test
    void aJmsBriefInAnUnknownFormatHasAPlainReason() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(app.settings().get("brief2image.broker-listen")).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage brief = session.createTextMessage("<brief>a cat</brief>");
            brief.setStringProperty("b2i_format", "xml");
            brief.setStringProperty("b2i_channel", "jms");
            brief.setStringProperty("b2i_source_name", "odd-format.xml");
            brief.setStringProperty("b2i_default_id", "odd-format");
            session.createProducer(session.createQueue("briefs")).send(brief);
        }
        JsonNode error = app.awaitDeadLetter("odd-format.xml");
        assertThat(error.path("reason").asText()).startsWith("The message says its brief is in the format 'xml', which brief2image does not read");
        assertPlain(error, root);
    }

    private static Arguments json(String name, String content, String says, String detailSays) {
        return Arguments.of(name + ".json", bytes(content), name + ".json", "validation", says, detailSays);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
