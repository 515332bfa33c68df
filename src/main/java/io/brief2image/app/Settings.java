package io.brief2image.app;

import io.brief2image.expansion.ExpansionMode;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Every user-facing setting, resolved once from Camel's properties (application.properties,
 * then environment variables, then command-line overrides).
 */
public record Settings(
        Path inbox, Path outbox, Path failed, Path data,
        String provider, String apiKey, String baseUrl, String sdWebUiUrl,
        String model, String retiredModels, String expansionModel, String modelsLocation, String guidelinesLocation,
        String brokerUrl, String brokerListen,
        int concurrency, int imagesPerMinute, int requestTimeoutSeconds, int maxAttempts, long retryBaseMillis,
        long maxBriefBytes, double dailyBudgetUsd, long inboxQuietMillis,
        int httpPort, String adminToken,
        long offlineLatencyMillis, int offlineImageBytes, boolean offlineFaults, long resultTtlHours,
        String expansion) {

    public static Settings from(Function<String, String> lookup) {
        Function<String, String> get = key -> {
            String value = lookup.apply("brief2image." + key);
            return value == null ? "" : value.trim();
        };
        return new Settings(
                Path.of(get.apply("inbox")), Path.of(get.apply("outbox")), Path.of(get.apply("failed")),
                Path.of(get.apply("data")),
                get.apply("provider"), get.apply("openai-api-key"), stripSlash(get.apply("openai-base-url")),
                stripSlash(get.apply("sd-webui-url")),
                get.apply("model"), get.apply("retired-models"), get.apply("expansion-model"), get.apply("models"), get.apply("guidelines"),
                get.apply("broker-url"), get.apply("broker-listen"),
                intOf(get, "concurrency"), intOf(get, "images-per-minute"), intOf(get, "request-timeout"),
                intOf(get, "max-attempts"), longOf(get, "retry-base-ms"),
                longOf(get, "max-brief-bytes"), doubleOf(get, "daily-budget-usd"), longOf(get, "inbox-quiet-ms"),
                intOf(get, "http-port"), get.apply("admin-token"),
                longOf(get, "offline.latency-ms"), intOf(get, "offline.image-bytes"),
                Boolean.parseBoolean(get.apply("offline.faults")), longOf(get, "result-ttl-hours"),
                get.apply("expansion"));
    }

    public boolean hasApiKey() {
        return !apiKey.isBlank();
    }

    public boolean embeddedBroker() {
        return brokerUrl.isBlank();
    }

    /** The provider actually used: {@code auto} means OpenAI with a key, the offline provider without. */
    public String effectiveProvider() {
        if (!"auto".equals(provider)) {
            return provider;
        }
        return hasApiKey() ? "openai" : "offline";
    }

    /** Captions from the chat model or the rules; {@code auto} = the chat model when a key is set. */
    public ExpansionMode expansionMode() {
        return ExpansionMode.resolve(expansion, hasApiKey());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int intOf(Function<String, String> get, String key) {
        return (int) longOf(get, key);
    }

    private static long longOf(Function<String, String> get, String key) {
        String value = get.apply(key);
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting brief2image." + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static double doubleOf(Function<String, String> get, String key) {
        String value = get.apply(key);
        try {
            return value.isEmpty() ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting brief2image." + key + " must be a number, got '" + value + "'");
        }
    }

    /** The key never appears in toString, so a logged Settings cannot leak it. */
    @Override
    public String toString() {
        return "Settings[inbox=" + inbox + ", outbox=" + outbox + ", provider=" + effectiveProvider()
                + ", model=" + model + ", expansion=" + expansionMode().name().toLowerCase(java.util.Locale.ROOT) + ", broker=" + (embeddedBroker() ? "embedded" : brokerUrl)
                + ", concurrency=" + concurrency + ", apiKey=" + (hasApiKey() ? "set" : "unset") + "]";
    }
}
