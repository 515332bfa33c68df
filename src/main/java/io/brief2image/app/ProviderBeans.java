package io.brief2image.app;

import io.brief2image.batch.BatchApi;
import io.brief2image.batch.BatchBriefs;
import io.brief2image.batch.BatchCollector;
import io.brief2image.batch.BatchImages;
import io.brief2image.batch.BatchLimits;
import io.brief2image.batch.BatchMetrics;
import io.brief2image.batch.BatchResults;
import io.brief2image.batch.BatchRunner;
import io.brief2image.batch.PollPolicy;
import io.brief2image.expansion.CaptionGuard;
import io.brief2image.expansion.CaptionWriter;
import io.brief2image.expansion.ChatCompletions;
import io.brief2image.expansion.ChatSpend;
import io.brief2image.expansion.ExpansionMode;
import io.brief2image.expansion.ExpansionRules;
import io.brief2image.expansion.ExpansionStage;
import io.brief2image.expansion.GptCaptionGuard;
import io.brief2image.expansion.GptCaptionWriter;
import io.brief2image.expansion.Representation;
import io.brief2image.guidelines.rules.FoundNameRule;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.ProviderConnections;
import io.brief2image.http.RetryPolicy;
import io.brief2image.moderation.ModerationClient;
import io.brief2image.moderation.ModerationStage;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.render.ImageProvider;
import io.brief2image.render.OpenAiImagesProvider;
import io.brief2image.render.ProviderCalls;
import io.brief2image.render.ProviderGate;
import io.brief2image.render.ProviderRegistry;
import io.brief2image.render.BatchLineSink;
import io.brief2image.render.BatchLines;
import io.brief2image.render.PaidImages;
import io.brief2image.render.Renderer;
import io.brief2image.render.ResponsesImageProvider;
import io.brief2image.render.SdWebUiProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages that call a provider (expansion and render in routes/produce.yaml) and what they
 * share: the providers, the gate, the retry policy and the HTTP components.
 */
public final class ProviderBeans extends OnceBeans {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderBeans.class);

    private final PipelineBeans pipeline;

    ProviderBeans(Settings settings, Supplier<CamelContext> context, PipelineBeans pipeline) {
        super(settings, context);
        this.pipeline = pipeline;
    }

    @BindToRegistry
    public ExpansionStage expansion() {
        return once("expansion", () -> new ExpansionStage(pipeline.guidelinePolicy(), ExpansionRules.load("classpath:expansion.yaml"),
                captionWriter(), pipeline.outbox()::imageFile, captionGuard(), representation()));
    }

    /** Between expansion and render: nothing is paid for before the final captions are moderated. */
    @BindToRegistry
    public ModerationStage moderation() {
        return once("moderation", () -> {
            if (settings.safety().moderationCalls(settings.provider())) {
                return new ModerationStage(ModerationStage.Mode.ENDPOINT, new ModerationClient(keyedHttp(), settings.provider().baseUrl()),
                        retries());
            }
            boolean off = "off".equalsIgnoreCase(settings.safety().moderation().strip());
            return new ModerationStage(off ? ModerationStage.Mode.OFF : ModerationStage.Mode.BLOCKED_TERMS, null, retries());
        });
    }

    @BindToRegistry
    public Renderer renderer() {
        return once("renderer", () -> new Renderer(providers(), calls(), pipeline.partials(), paidImages(), pipeline.admission(),
                pipeline.estimates()));
    }

    /** Paid images kept until the outbox takes them; the records of those it took are removed at start. */
    PaidImages paidImages() {
        return once("paidImages", () -> {
            PaidImages paid = new PaidImages(settings.folders().data());
            paid.clean();
            return paid;
        });
    }

    /** The batch step of routes/batch.yaml: a batch brief's lines, admitted at the batch price, to the batch line sink. */
    @BindToRegistry
    public BatchLines batchLines() {
        return once("batchLines", () -> new BatchLines(renderer(), batchLineSink(), pipeline.admission(), pipeline.estimates(),
                pipeline.modelTable()));
    }

    /** Where batch lines go: the open batch file of their endpoint, recorded in the store (batch.BatchCollector). */
    BatchLineSink batchLineSink() {
        return once("batchLineSink", () -> {
            BatchCollector collector = new BatchCollector(pipeline.store().batches(), settings.folders().data(),
                    new BatchLimits(settings.batch().maxLines(), settings.batch().maxBytes()), Duration.ofSeconds(settings.batch().maxWaitSeconds()),
                    Duration.ofSeconds(settings.batch().maxQuietSeconds()),
                    pipeline.store().instance(), renderer()::providerOf, pipeline.admission(), pipeline.clock());
            batchBriefs().collector(collector);
            return collector;
        });
    }

    /** The batch-runner route's tick: closes, uploads, creates and polls batches, then reads their results. */
    @BindToRegistry
    public BatchRunner batchRunner() {
        return once("batchRunner", () -> {
            OfflineImageServer offline = offlineServer();
            BatchApi api = offline != null ? new BatchApi(new ProviderHttp(context(), ""), offline.baseUrl(), retries())
                    : new BatchApi(keyedHttp(), settings.provider().baseUrl(), retries());
            // the offline batches end within seconds: asked about often; OpenAI's take minutes to hours
            PollPolicy poll = offline != null ? new PollPolicy(Duration.ofMillis(300), Duration.ofSeconds(2), 1.5, Duration.ofHours(25))
                    : PollPolicy.OPENAI;
            BatchResults results = new BatchResults(pipeline.store().batches(), api, pipeline.partials()::next, settings.folders().data(),
                    pipeline.budget(), batchBriefs(), new BatchMetrics(pipeline.metrics().registry(), pipeline.store().batches()));
            return new BatchRunner((BatchCollector) batchLineSink(), pipeline.store().batches(), api, results, poll,
                    pipeline.store().instance(), pipeline.store().lease(), pipeline.clock());
        });
    }

    /** Step of route batch-results: a batch brief's images (or its failed line) after its batch ended. */
    @BindToRegistry
    public BatchBriefs batchBriefs() {
        return once("batchBriefs", () -> new BatchBriefs(pipeline.store().batches(),
                new BatchImages(offlineServer() != null ? "offline" : "openai", offlineServer() != null), pipeline.budget(), pipeline.ledger(),
                context(), "batch".equalsIgnoreCase(settings.batch().onExpiry()) ? BatchBriefs.OnExpiry.BATCH : BatchBriefs.OnExpiry.NOW));
    }

    /** The offline provider's server on loopback, when it is the provider; null otherwise. */
    @BindToRegistry
    public OfflineImageServer offlineServer() {
        return once("offlineServer", () -> {
            if (!"offline".equals(settings.provider().effective())) {
                return null;
            }
            OfflineImageServer offline;
            try {
                offline = OfflineImageServer.start(new OfflineOptions(0, settings.offline().latencyMillis(), settings.offline().imageBytes(),
                        settings.offline().faults(), settings.offline().batchDelaySeconds() * 1000));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the offline provider", e);
            }
            try {
                context().addService(new ServiceSupport() {
                    @Override
                    protected void doStop() {
                        offline.close();
                    }
                }, true, true);
            } catch (Exception e) {
                offline.close();
                throw new IllegalStateException("cannot manage the offline provider", e);
            }
            LOG.warn("*** {}: using the OFFLINE image provider on {} - images are previews, not AI renders ***",
                    settings.provider().hasApiKey() ? "provider=offline" : "No OPENAI_API_KEY", offline.baseUrl());
            return offline;
        });
    }

    /** Admits image requests: at most concurrency at once, images-per-minute apart (fleet-wide). */
    ProviderGate gate() {
        return once("providerGate", () -> settings.limits().imagesPerMinute() > 0
                // the start slots are the fleet's: every instance on the same store claims them from one row
                ? new ProviderGate(settings.limits().concurrency(), settings.limits().imagesPerMinute(), pipeline.store().pace())
                : new ProviderGate(settings.limits().concurrency(), 0));
    }

    /** The providers by name; the OpenAI key goes only to OpenAI-compatible servers, never to an SD WebUI server. */
    private ProviderRegistry providers() {
        return once("providers", () -> {
            ProviderHttp keyless = new ProviderHttp(context(), "");
            Map<String, ImageProvider> providers = new LinkedHashMap<>();
            ImageProvider stableDiffusion;
            OfflineImageServer offline = offlineServer();
            if (offline != null) {
                providers.put("offline", new OpenAiImagesProvider(keyless, offline.baseUrl(), "offline", true));
                stableDiffusion = new SdWebUiProvider(keyless, offline.sdWebUiUrl(), "offline");
            } else {
                providers.put("openai", new OpenAiImagesProvider(keyedHttp(), settings.provider().baseUrl(), "openai", false));
                providers.put("responses", new ResponsesImageProvider(keyedHttp(), settings.provider().baseUrl(), settings.expansion().model()));
                stableDiffusion = new SdWebUiProvider(keyless, settings.provider().sdWebUiUrl(), "sd-webui");
            }
            providers.put("sd-webui", stableDiffusion);
            return new ProviderRegistry(providers, settings.provider().effective(), Map.of("sd-webui", stableDiffusion));
        });
    }

    private ProviderHttp keyedHttp() {
        return once("keyedHttp", () -> new ProviderHttp(context(), settings.provider().apiKey()));
    }

    private ProviderCalls calls() {
        return once("calls", () -> new ProviderCalls(gate(), retries(), pipeline.metrics()));
    }

    /** One retry policy for image and chat calls (chat narrows the attempts: GptCaptionWriter). */
    private RetryPolicy retries() {
        return once("retries", () -> new RetryPolicy(settings.limits().maxAttempts(), settings.limits().retryBaseMillis()));
    }

    private Optional<CaptionWriter> captionWriter() {
        if (settings.expansion().mode(settings.provider()) != ExpansionMode.GPT) {
            return Optional.empty();
        }
        return Optional.of(new GptCaptionWriter(chat(), settings.expansion().model(), retries(), representation()));
    }

    /** The GPT guard wherever the chat model writes captions, unless the setting is off. */
    private Optional<CaptionGuard> captionGuard() {
        if (settings.expansion().mode(settings.provider()) != ExpansionMode.GPT || !settings.safety().guardOn()) {
            return Optional.empty();
        }
        FoundNameRule names = new FoundNameRule(pipeline.guidelineDocument(), pipeline.clock(), FoundNameRule.BUNDLED);
        return Optional.of(new GptCaptionGuard(chat(), settings.expansion().model(), retries(), names));
    }

    private Representation representation() {
        return Representation.resolve(settings.safety().representation());
    }

    /** Chat calls for expansion and the guard: keyed, and each one reserved and settled against the budget. */
    private ChatCompletions chat() {
        return once("chat", () -> new ChatCompletions(keyedHttp(), settings.provider().baseUrl(),
                new ChatSpend(pipeline.admission(), pipeline.estimates())));
    }

    /** The HTTP components wait and pace as the settings say; a stop lets requests at the provider finish. */
    @Override
    public void configure(CamelContext context) {
        ProviderConnections.configure(context, settings.limits().requestTimeoutSeconds(), settings.limits().concurrency(), gate()::sent);
        GracefulStop.install(context, gate(), settings.limits().stopTimeoutSeconds());
    }
}
