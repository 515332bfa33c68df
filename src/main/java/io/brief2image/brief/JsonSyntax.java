package io.brief2image.brief;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A malformed JSON brief in plain words: where (line and character) and what to fix, from the
 * {@code json-syntax} table of reasons.yaml. The parser's own message goes to the detail.
 */
final class JsonSyntax {

    private record Row(Pattern match, String says) {
    }

    private static final List<Row> ROWS = load();

    private JsonSyntax() {
    }

    static BriefError errorOf(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation where = e.getLocation();
        String place = where == null || where.getLineNr() < 1 ? "" : " (line " + where.getLineNr() + ", character " + where.getColumnNr() + ")";
        String detail = "JSON parser: " + firstLine(withoutSource(message))
                + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr());
        return new BriefError("brief", "The brief is not valid JSON" + place + ": " + says(message) + ".", detail);
    }

    private static String says(String message) {
        for (Row row : ROWS) {
            Matcher m = row.match().matcher(message);
            if (m.find()) {
                String says = row.says();
                for (int g = 1; g <= m.groupCount(); g++) {
                    says = says.replace("{" + g + "}", abbreviate(m.group(g)));
                }
                return says;
            }
        }
        return "check the brackets, quotes and commas";
    }

    /** The parser quotes the brief back in "[Source: …]"; the detail needs only the line and column. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(?(?:start marker at |for Object starting at |for Array starting at )?\\[Source: .*?; line: \\d+, column: \\d+]\\)?", "");
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static List<Row> load() {
        try (InputStream in = JsonSyntax.class.getResourceAsStream("/reasons.yaml")) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode row : new YAMLMapper().readTree(in).path("json-syntax")) {
                rows.add(new Row(Pattern.compile(row.path("match").asText()), row.path("says").asText()));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reasons.yaml", e);
        }
    }
}
