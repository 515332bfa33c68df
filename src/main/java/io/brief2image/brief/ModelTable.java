package io.brief2image.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brief2image.app.ResourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The model table loaded from models.yaml: the single place that knows what each model accepts. */
public final class ModelTable {

    private final Map<String, ModelSpec> models;

    private ModelTable(Map<String, ModelSpec> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    public static ModelTable load(String location) {
        try (InputStream in = ResourceLocation.open(location)) {
            JsonNode root = new YAMLMapper().readTree(in);
            Map<String, ModelSpec> models = new LinkedHashMap<>();
            YAMLMapper mapper = new YAMLMapper();
            root.path("models").fields().forEachRemaining(entry -> {
                try {
                    models.put(entry.getKey(), mapper.treeToValue(entry.getValue(), ModelSpec.class).withId(entry.getKey()));
                } catch (IOException e) {
                    throw new IllegalStateException("model table " + location + ": model " + entry.getKey() + ": " + e.getMessage(), e);
                }
            });
            if (models.isEmpty()) {
                throw new IllegalStateException("model table " + location + " lists no models");
            }
            return new ModelTable(models);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model table " + location + ": " + e.getMessage(), e);
        }
    }

    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public java.util.Set<String> ids() {
        return models.keySet();
    }
}
