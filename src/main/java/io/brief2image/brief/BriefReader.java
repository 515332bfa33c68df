package io.brief2image.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the text of a brief (JSON, plain-text prompt, or one spreadsheet row) into the JSON
 * object the validator checks. Errors say what is wrong with the text, not how Jackson failed.
 */
public final class BriefReader {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> WHOLE_NUMBER_FIELDS = Set.of("n", "seed");
    private static final Set<String> YES_NO_FIELDS = Set.of("expand", "replace");

    public ObjectNode read(String text, BriefFormat format) {
        return switch (format) {
            case JSON -> readJson(text);
            case TXT -> readText(text);
            case CSV -> readCsvRow(text);
        };
    }

    private ObjectNode readJson(String text) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (json.isBlank()) {
            throw new BriefError("brief", "The brief is empty: write a JSON object such as {\"prompt\": \"a red bicycle\"}.");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonSyntax.errorOf(e);
        } catch (IOException e) {
            throw new BriefError("brief", "The brief could not be read as JSON: check the brackets, quotes and commas.",
                    e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new BriefError("brief", "The brief must be a JSON object such as {\"prompt\": \"a red bicycle\"}, but it is "
                    + BriefValidator.kindOf(node) + ": put the fields between { and }.");
        }
        return object;
    }

    private ObjectNode readText(String text) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("prompt", text.startsWith("\uFEFF") ? text.substring(1) : text);
        return object;
    }

    private ObjectNode readCsvRow(String text) {
        CsvTable table = CsvTable.parse(text);
        if (table.rows().size() != 1) {
            throw new BriefError("csv", "A spreadsheet brief sent as one message must have a header row and exactly one brief row, but it has "
                    + table.rows().size() + ": send one message per row, or drop the file into the inbox.");
        }
        List<String> names = table.header().values();
        List<String> values = table.rows().get(0).values();
        if (values.size() > names.size()) {
            throw new BriefError("csv", "The row has " + values.size() + " cells, but the header row names only " + names.size()
                    + " columns: remove the extra cells, or put a cell that holds a comma in double quotes.");
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < values.size(); i++) {
            String name = names.get(i).trim();
            String value = values.get(i);
            if (value.isBlank() || name.isEmpty()) {
                continue;
            }
            if (name.startsWith("metadata.")) {
                object.with("metadata").put(name.substring("metadata.".length()), value);
            } else {
                object.set(name, typedCell(name, value.trim(), value));
            }
        }
        return object;
    }

    /** Spreadsheet cells are text; fields that want numbers or yes/no are converted when they clearly are. */
    private static JsonNode typedCell(String name, String trimmed, String raw) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (WHOLE_NUMBER_FIELDS.contains(name) && trimmed.matches("-?\\d{1,18}")) {
            return f.numberNode(Long.parseLong(trimmed));
        }
        if (YES_NO_FIELDS.contains(name)) {
            switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> { return f.booleanNode(true); }
                case "false", "no", "n", "0" -> { return f.booleanNode(false); }
                default -> { return f.textNode(trimmed); }
            }
        }
        if (name.equals("seeds")) {
            ArrayNode seeds = f.arrayNode();
            for (String part : trimmed.split("[;| ]+")) {
                seeds.add(part.matches("-?\\d{1,18}") ? f.numberNode(Long.parseLong(part)) : f.textNode(part));
            }
            return seeds;
        }
        return f.textNode(name.equals("prompt") ? raw : trimmed);
    }
}
