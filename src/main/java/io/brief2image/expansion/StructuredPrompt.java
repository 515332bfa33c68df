package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.base.ResourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A system prompt and the JSON schema its reply must follow, kept as versioned resources so the
 * wording can change without a code change.
 */
public record StructuredPrompt(String schemaName, String systemPrompt, JsonNode schema) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String CAPTIONS = "captions";
    public static final String TUNE = "tune";
    public static final String GUARD = "guard";

    /** {@code prompts/<system>.md} and {@code prompts/<schemaName>.schema.json} from the classpath. */
    public static StructuredPrompt load(String schemaName, String system) {
        String promptLocation = "classpath:prompts/" + system + ".md";
        String schemaLocation = "classpath:prompts/" + schemaName + ".schema.json";
        try (InputStream prompt = ResourceLocation.open(promptLocation); InputStream schema = ResourceLocation.open(schemaLocation)) {
            return new StructuredPrompt(schemaName, new String(prompt.readAllBytes(), StandardCharsets.UTF_8).strip(), JSON.readTree(schema));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + promptLocation + " or " + schemaLocation, e);
        }
    }

    /** The same prompt whose schema asks for exactly {@code n} items in the array {@code property}. */
    public StructuredPrompt withArrayLength(String property, int n) {
        ObjectNode copy = schema.deepCopy();
        ObjectNode array = (ObjectNode) copy.path("properties").path(property);
        array.put("minItems", n).put("maxItems", n);
        return new StructuredPrompt(schemaName, systemPrompt, copy);
    }

    /** The same schema with {@code instruction} added at the end of the system prompt (none when null). */
    public StructuredPrompt withInstruction(String instruction) {
        return instruction == null ? this : new StructuredPrompt(schemaName, systemPrompt + "\n\n" + instruction, schema);
    }

    public static StructuredPrompt captions() {
        return load(CAPTIONS, "expansion-system");
    }

    public static StructuredPrompt guard() {
        return load(GUARD, "guard-system");
    }

    public static StructuredPrompt tune() {
        return load(TUNE, "tune-system");
    }
}
