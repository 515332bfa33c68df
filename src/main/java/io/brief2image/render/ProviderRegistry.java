package io.brief2image.render;

import io.brief2image.brief.ModelSpec;
import io.brief2image.base.BriefFailure;
import java.util.Map;

/**
 * Which provider renders a model: the configured default for models served over OpenAI's images
 * wire format, and the provider of the model row's {@code api} otherwise (a Stable Diffusion model
 * goes to the SD WebUI server whatever the default is).
 */
public final class ProviderRegistry {

    private final ImageProvider defaultProvider;
    private final Map<String, ImageProvider> byApi;

    /**
     * @param byName the providers {@code brief2image.provider} may name
     * @param byApi  the provider that speaks each non-OpenAI wire format a model row may name in {@code api}
     */
    public ProviderRegistry(Map<String, ImageProvider> byName, String defaultName, Map<String, ImageProvider> byApi) {
        this.defaultProvider = byName.get(defaultName);
        if (defaultProvider == null) {
            throw new IllegalArgumentException("unknown provider '" + defaultName + "'; known: " + String.join(", ", byName.keySet()));
        }
        this.byApi = Map.copyOf(byApi);
    }

    public ImageProvider forModel(ModelSpec model) {
        if (ModelSpec.OPENAI_IMAGES.equals(model.api())) {
            return defaultProvider;
        }
        ImageProvider provider = byApi.get(model.api());
        if (provider == null) {
            throw new BriefFailure("render", "Model " + model.id() + " is served by a kind of image service ('" + model.api()
                    + "') this installation cannot talk to: pick another model, or an operator should check the model table's api field.");
        }
        return provider;
    }
}
