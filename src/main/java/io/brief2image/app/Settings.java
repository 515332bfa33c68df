package io.brief2image.app;

import io.brief2image.brief.ClaimOwner;
import io.brief2image.expansion.ExpansionMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings the Java code reads, grouped by who reads them, built once from {@link SettingValues}
 * (the service, --once, lint, submit and replay alike). Settings only the routes or Camel read
 * (inbox-quiet-ms, budget-check-ms, http-port, http-host) reach them as properties and have no field here.
 */
public record Settings(Folders folders, Provider provider, Models models, Expansion expansion, Broker broker,
                       Limits limits, Operators operators, Offline offline, Fleet fleet, Safety safety, Store store,
                       Batch batch) {

    public static Settings from(SettingValues v) {
        return new Settings(
                new Folders(Path.of(v.text("inbox")), Path.of(v.text("outbox")), Path.of(v.text("failed")), Path.of(v.text("data"))),
                new Provider(v.text("provider"), v.text("openai-api-key"), stripSlash(v.text("openai-base-url")),
                        stripSlash(v.text("sd-webui-url"))),
                new Models(v.text("model"), v.text("retired-models"), v.text("models"), v.text("guidelines"),
                        v.whole("models-check-minutes"), v.text("inbox-priority")),
                new Expansion(v.text("expansion"), v.text("expansion-model")),
                new Broker(v.text("broker-url"), v.text("broker-listen"), v.whole("result-ttl-hours")),
                new Limits(v.count("concurrency"), v.count("images-per-minute"), v.count("request-timeout"), v.count("max-attempts"),
                        v.whole("retry-base-ms"), v.whole("max-brief-bytes"), v.number("daily-budget-usd"),
                        v.whole("disk-reserve-mb"), v.count("stop-timeout")),
                new Operators(v.text("admin-token"), v.flag("admin-loopback"), v.whole("stall-seconds")),
                new Offline(v.whole("offline.latency-ms"), v.count("offline.image-bytes"), v.flag("offline.faults"),
                        v.whole("offline.batch-delay-seconds")),
                new Fleet(Fleet.orHostAndPid(v.text("instance-id")), v.count("claim-lease-seconds")),
                new Safety(v.text("guard"), v.text("moderation"), v.text("representation")),
                new Store(v.text("db-url"), v.text("db-user"), v.text("db-password")),
                new Batch(v.count("batch-max-lines"), v.whole("batch-max-bytes"), v.whole("batch-max-wait"), v.whole("batch-max-quiet"), v.text("batch-on-expiry")));
    }

    public record Folders(Path inbox, Path outbox, Path failed, Path data) {

        /** By name, for the folders health check and for creating them at start. */
        public Map<String, Path> all() {
            Map<String, Path> all = new LinkedHashMap<>();
            all.put("inbox", inbox);
            all.put("outbox", outbox);
            all.put("failed", failed);
            all.put("data", data);
            return all;
        }
    }

    /** @param configured the setting: auto, openai, responses, sd-webui or offline */
    public record Provider(String configured, String apiKey, String baseUrl, String sdWebUiUrl) {

        public boolean hasApiKey() {
            return !apiKey.isBlank();
        }

        /** The provider actually used: {@code auto} means OpenAI with a key, the offline provider without. */
        public String effective() {
            String name = configured.isBlank() ? "auto" : configured.toLowerCase(Locale.ROOT);
            if (!"auto".equals(name)) {
                return name;
            }
            return hasApiKey() ? "openai" : "offline";
        }

        /** With a key and an OpenAI-style provider, the provider can be asked which models it serves. */
        public boolean listsModels() {
            return hasApiKey() && Set.of("openai", "responses").contains(effective());
        }

        /** The key never appears here, so a logged Settings cannot leak it. */
        @Override
        public String toString() {
            return effective() + " at " + ("sd-webui".equals(effective()) ? sdWebUiUrl : baseUrl) + ", apiKey=" + (hasApiKey() ? "set" : "unset");
        }
    }

    /**
     * @param model        the default image model
     * @param retired      what a shut-down model gets: replace or reject
     * @param table        where the model table is
     * @param guidelines   where the guideline policy is
     * @param checkMinutes how often the provider is asked which models it serves (0 = never)
     * @param inboxPriority now or batch: the priority of inbox briefs that do not give one
     */
    public record Models(String model, String retired, String table, String guidelines, long checkMinutes, String inboxPriority) {
    }

    /** @param setting gpt, rules or auto; @param model the chat model */
    public record Expansion(String setting, String model) {

        /** Captions from the chat model or the rules; {@code auto} = the chat model when a key is set. */
        public ExpansionMode mode(Provider provider) {
            return ExpansionMode.resolve(setting, provider.hasApiKey());
        }
    }

    /** @param url an external broker, blank for the embedded one; @param listen where the embedded one listens */
    public record Broker(String url, String listen, long resultTtlHours) {

        public boolean embedded() {
            return url.isBlank();
        }

        /** Where a command on this host (submit, replay) reaches the service's broker. */
        public String clientUrl() {
            return embedded() ? listen : url;
        }
    }

    public record Limits(int concurrency, int imagesPerMinute, int requestTimeoutSeconds, int maxAttempts, long retryBaseMillis,
                         long maxBriefBytes, double dailyBudgetUsd, long diskReserveMb, int stopTimeoutSeconds) {

        /**
         * More briefs are taken from the queue than the provider may work on at once, so that when a
         * request ends the next brief is already screened and waiting at the gate, and the slot never
         * idles while the finished brief is written and committed (scenario 2 of BENCHMARKS.md).
         */
        public int consumers() {
            return concurrency + Math.max(2, concurrency / 4);
        }
    }

    /** @param adminToken who may change things over HTTP; @param adminLoopback loopback may without it */
    public record Operators(String adminToken, boolean adminLoopback, long stallSeconds) {

        @Override
        public String toString() {
            return "Operators[adminToken=" + (adminToken.isBlank() ? "unset" : "set") + ", adminLoopback=" + adminLoopback
                    + ", stallSeconds=" + stallSeconds + "]";
        }
    }

    /** @param batchDelaySeconds how long an offline batch takes from creation to completed */
    public record Offline(long latencyMillis, int imageBytes, boolean faults, long batchDelaySeconds) {
    }

    /**
     * @param instanceId  this instance's name among several sharing a broker and an inbox (claims, logs)
     * @param claimLease  seconds after which a claim its owner stopped refreshing is taken over
     */
    public record Fleet(String instanceId, int claimLeaseSeconds) {

        static String orHostAndPid(String configured) {
            return configured.isBlank() ? ClaimOwner.hostName() + "-" + ProcessHandle.current().pid() : configured.trim();
        }
    }

    /** @param guard auto|off; @param moderation auto|off; @param representation off|seed */
    public record Safety(String guard, String moderation, String representation) {

        /** The GPT guard runs where a chat model writes captions, unless switched off. */
        public boolean guardOn() {
            return !"off".equalsIgnoreCase(guard.strip());
        }

        /** Moderation calls go out with a key, unless switched off. */
        public boolean moderationCalls(Provider provider) {
            return provider.hasApiKey() && !"off".equalsIgnoreCase(moderation.strip());
        }
    }

    /**
     * The Batch API path (issue 15): a batch file is closed at {@code maxLines}, {@code maxBytes}, after
     * {@code maxWaitSeconds}, or {@code maxQuietSeconds} after its last line; {@code onExpiry} (now or batch) is where the briefs of a batch that ended
     * before their images were made go.
     */
    public record Batch(int maxLines, long maxBytes, long maxWaitSeconds, long maxQuietSeconds, String onExpiry) {
    }

    /** @param url PostgreSQL JDBC URL, blank for the embedded store (how long a claim counts unrenewed: {@link Fleet#claimLeaseSeconds}) */
    public record Store(String url, String user, String password) {

        /** The password never appears here. */
        @Override
        public String toString() {
            return "Store[url=" + (url.isBlank() ? "embedded" : url.replaceFirst("\\?.*", "").replaceFirst("//[^/@]*@", "//"))
                    + ", user=" + (user.isBlank() ? "unset" : user) + ", password=" + (password.isBlank() ? "unset" : "set") + "]";
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** What the start log says: no secret. */
    @Override
    public String toString() {
        return "Settings[inbox=" + folders.inbox() + ", outbox=" + folders.outbox() + ", provider=" + provider.effective()
                + ", model=" + models.model() + ", expansion=" + expansion.mode(provider).name().toLowerCase(Locale.ROOT)
                + ", broker=" + (broker.embedded() ? "embedded" : broker.url())
                + ", store=" + store + ", concurrency=" + limits.concurrency() + ", apiKey=" + (provider.hasApiKey() ? "set" : "unset") + "]";
    }
}
