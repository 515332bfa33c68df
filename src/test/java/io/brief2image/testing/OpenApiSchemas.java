package io.brief2image.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OpenAPI schemas copied into src/test/resources/openai-spec (see its README for the
 * commit), checked with the OpenAPI 3.0 dialect so {@code nullable} means what the spec means.
 */
public final class OpenApiSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private OpenApiSchemas() {
    }

    /** The violations of {@code json} against schema {@code name} (file name without .json); empty when valid. */
    public static List<String> violations(String name, String json) {
        Schema schema = LOADED.computeIfAbsent(name, OpenApiSchemas::load);
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /**
     * The stream-event unions carry {@code discriminator: {propertyName: type}} without a mapping, and
     * their type values are not schema names, so under OpenAPI rules it can select no branch: in
     * the spec it is a hint for code generators. {@code anyOf} alone still checks every event fully.
     */
    private static void withoutDiscriminators(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("discriminator");
        }
        node.forEach(OpenApiSchemas::withoutDiscriminators);
    }

    private static Schema load(String name) {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/openai-spec/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema openai-spec/" + name + ".json in test resources");
            }
            JsonNode schema = MAPPER.readTree(in);
            withoutDiscriminators(schema);
            return REGISTRY.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
