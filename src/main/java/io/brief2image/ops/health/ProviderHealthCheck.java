package io.brief2image.ops.health;

import io.brief2image.ops.ServedModelsWatch;
import io.brief2image.render.ServedModelsVerdict;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP when the image provider can be called: an API key is set for a keyed provider, or the
 * offline provider is running. With a key it also says what the provider's model list showed:
 * DOWN when the default model is not served, the table models it does not serve, or that the list
 * is not known (yet, or because the models call failed - which alone never takes the service down).
 * Says which provider it is; never shows the key.
 */
public final class ProviderHealthCheck extends ReadinessCheck {

    private final String provider;
    private final boolean keySet;
    private final BooleanSupplier offlineRunning;
    private final Supplier<ServedModelsWatch.Snapshot> servedModels;

    public ProviderHealthCheck(String provider, boolean keySet, BooleanSupplier offlineRunning) {
        this(provider, keySet, offlineRunning, null);
    }

    /** @param servedModels the latest models answer, or {@code null} when the provider is not asked */
    public ProviderHealthCheck(String provider, boolean keySet, BooleanSupplier offlineRunning,
                               Supplier<ServedModelsWatch.Snapshot> servedModels) {
        super("provider");
        this.provider = provider;
        this.keySet = keySet;
        this.offlineRunning = offlineRunning;
        this.servedModels = servedModels;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("provider", provider);
        builder.detail("api_key", keySet ? "set" : "unset");
        switch (provider) {
            case "offline" -> {
                if (offlineRunning.getAsBoolean()) {
                    String why = keySet ? "chosen by brief2image.provider" : "no OPENAI_API_KEY";
                    builder.message("offline provider running (" + why + "): images are previews, not AI renders").up();
                } else {
                    builder.message("offline provider is not running").down();
                }
            }
            case "sd-webui" -> builder.message("sd-webui provider (no key needed)").up();
            default -> {
                if (!keySet) {
                    builder.message(provider + " provider has no API key (set OPENAI_API_KEY)").down();
                } else if (servedModels == null) {
                    builder.message(provider + " provider, API key set").up();
                } else {
                    servedModels(builder, servedModels.get());
                }
            }
        }
    }

    private void servedModels(HealthCheckResultBuilder builder, ServedModelsWatch.Snapshot snapshot) {
        String head = provider + " provider, API key set; ";
        if (snapshot.at() != null) {
            builder.detail("models_checked_at", snapshot.at().toString());
        }
        if (snapshot.failure() != null) {
            builder.detail("models_call", "failed: " + snapshot.failure());
        }
        ServedModelsVerdict verdict = snapshot.verdict();
        if (verdict == null) {
            builder.detail("served_models", "unknown");
            String why = snapshot.failure() == null ? "not asked yet" : snapshot.failure() + ", retrying";
            builder.message(head + "served models unknown (" + why + ")").up();
            return;
        }
        builder.detail("default_model", verdict.defaultModel() + (verdict.defaultServed() ? " served" : " NOT served"));
        builder.detail("table_models_not_served", String.join(", ", verdict.tableModelsNotServed()));
        String stale = snapshot.failure() == null ? "" : " (last list; the latest models call failed: " + snapshot.failure() + ")";
        builder.message(head + verdict.sentence() + stale);
        if (verdict.defaultServed()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
