package io.brief2image.ops.health;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP when the image provider can be called: an API key is set for a keyed provider, or the
 * offline provider is running. Says which provider it is; never shows the key.
 */
public final class ProviderHealthCheck extends ReadinessCheck {

    private final String provider;
    private final boolean keySet;
    private final BooleanSupplier offlineRunning;

    public ProviderHealthCheck(String provider, boolean keySet, BooleanSupplier offlineRunning) {
        super("provider");
        this.provider = provider;
        this.keySet = keySet;
        this.offlineRunning = offlineRunning;
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
                if (keySet) {
                    builder.message(provider + " provider, API key set").up();
                } else {
                    builder.message(provider + " provider has no API key (set OPENAI_API_KEY)").down();
                }
            }
        }
    }
}
