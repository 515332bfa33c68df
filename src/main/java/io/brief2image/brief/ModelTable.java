package io.brief2image.brief;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.brief2image.base.ResourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model table loaded from models.yaml: the single place that knows what each model accepts and
 * when it is served. A row may say {@code like: <earlier id>} to start from that row's fields.
 */
public final class ModelTable {

    private static final YAMLMapper MAPPER = (YAMLMapper) new YAMLMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private final Map<String, ModelSpec> models;
    private final CarryOver carryOver;
    private final int shutdownWarningDays;
    private final Set<String> batchProviders;
    private final JsonNode chatModels;

    private ModelTable(Map<String, ModelSpec> models, CarryOver carryOver, int shutdownWarningDays, Set<String> batchProviders,
            JsonNode chatModels) {
        this.models = Collections.unmodifiableMap(models);
        this.carryOver = carryOver;
        this.shutdownWarningDays = shutdownWarningDays;
        this.batchProviders = Set.copyOf(batchProviders);
        this.chatModels = chatModels;
    }

    public static ModelTable load(String location) {
        try (InputStream in = ResourceLocation.open(location)) {
            JsonNode root = MAPPER.readTree(in);
            Map<String, ObjectNode> rows = new LinkedHashMap<>();
            Map<String, ModelSpec> models = new LinkedHashMap<>();
            JsonNode batchDefault = root.path("batch").path("discount");
            root.path("models").fields().forEachRemaining(entry -> {
                ObjectNode row = rowOf(location, entry.getKey(), entry.getValue(), rows);
                rows.put(entry.getKey(), row);
                if (!row.has("batch_discount") && !batchDefault.isMissingNode()) {
                    row.set("batch_discount", batchDefault);
                }
                try {
                    models.put(entry.getKey(), MAPPER.treeToValue(row, ModelSpec.class).withId(entry.getKey()));
                } catch (IOException e) {
                    throw new IllegalStateException("model table " + location + ": model " + entry.getKey() + ": " + e.getMessage(), e);
                }
            });
            if (models.isEmpty()) {
                throw new IllegalStateException("model table " + location + " lists no models");
            }
            checkReplacements(location, models);
            CarryOver carryOver = root.has("carry_over") ? MAPPER.treeToValue(root.get("carry_over"), CarryOver.class) : CarryOver.NONE;
            Set<String> batchProviders = new java.util.HashSet<>();
            root.path("batch").path("providers").forEach(name -> batchProviders.add(name.asText()));
            return new ModelTable(models, carryOver, root.path("shutdown_warning_days").asInt(30), batchProviders,
                    root.path("chat_models").deepCopy());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model table " + location + ": " + e.getMessage(), e);
        }
    }

    /** The row as written, on top of the row it is {@code like}, which must come earlier in the table. */
    private static ObjectNode rowOf(String location, String id, JsonNode written, Map<String, ObjectNode> earlier) {
        if (!written.isObject()) {
            throw new IllegalStateException("model table " + location + ": model " + id + " is not a map of fields");
        }
        ObjectNode row = MAPPER.createObjectNode();
        String like = written.path("like").asText(null);
        if (like != null) {
            ObjectNode base = earlier.get(like);
            if (base == null) {
                throw new IllegalStateException("model table " + location + ": model " + id + " is like '" + like
                        + "', which is not a model listed before it");
            }
            row.setAll(base.deepCopy());
        }
        row.setAll((ObjectNode) written.deepCopy());
        row.remove("like");
        return row;
    }

    /** Every replacement must be in the table, and following replacements must end (never loop). */
    private static void checkReplacements(String location, Map<String, ModelSpec> models) {
        for (ModelSpec model : models.values()) {
            List<String> chain = new ArrayList<>(List.of(model.id()));
            Set<String> seen = new java.util.HashSet<>(chain);
            for (ModelSpec at = model; at.replacement() != null; ) {
                ModelSpec next = models.get(at.replacement());
                if (next == null) {
                    throw new IllegalStateException("model table " + location + ": the replacement of " + at.id() + ", '"
                            + at.replacement() + "', is not in the table");
                }
                chain.add(next.id());
                if (!seen.add(next.id())) {
                    throw new IllegalStateException("model table " + location + ": replacements loop: " + String.join(" → ", chain));
                }
                at = next;
            }
        }
    }

    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public Set<String> ids() {
        return models.keySet();
    }

    public CarryOver carryOver() {
        return carryOver;
    }

    /** The providers (brief2image.provider names) whose server takes Batch API lines for images. */
    public boolean batchesThrough(String provider) {
        return batchProviders.contains(provider);
    }

    public int shutdownWarningDays() {
        return shutdownWarningDays;
    }

    /** The table's {@code chat_models} section as written (prices read by the cost estimates), so the file is read once. */
    public JsonNode chatModels() {
        return chatModels.deepCopy();
    }
}
