package io.brief2image.app;

import io.brief2image.brief.BriefIntake;
import io.brief2image.brief.BriefValidator;
import io.brief2image.brief.InboxIntake;
import io.brief2image.brief.ModelLifecycle;
import io.brief2image.brief.ModelNotices;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.broker.EmbeddedBroker;
import io.brief2image.deadletter.DeadLetters;
import io.brief2image.dedupe.DuplicateGate;
import io.brief2image.dedupe.Ledger;
import io.brief2image.expansion.CaptionWriter;
import io.brief2image.expansion.ChatCompletions;
import io.brief2image.expansion.ExpansionMode;
import io.brief2image.expansion.GptCaptionWriter;
import io.brief2image.expansion.ExpansionRules;
import io.brief2image.expansion.ExpansionStage;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.GuidelineStage;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.expansion.ChatSpend;
import io.brief2image.admission.Budget;
import io.brief2image.admission.DiskRoom;
import io.brief2image.admission.FreeSpace;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.outbox.PendingOutbox;
import io.brief2image.admission.Estimates;
import io.brief2image.app.OpsBeans;
import io.brief2image.base.PipelineMetrics;
import io.brief2image.base.Progress;
import io.brief2image.ops.QueueDepth;
import io.brief2image.outbox.OutboxWriter;
import io.brief2image.base.PartialFiles;
import io.brief2image.outbox.ResultPublisher;
import io.brief2image.render.ImageProvider;
import io.brief2image.render.OpenAiImagesProvider;
import io.brief2image.render.ProviderCalls;
import io.brief2image.render.ProviderGate;
import io.brief2image.http.ProviderConnections;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.RetryPolicy;
import io.brief2image.render.ProviderRegistry;
import io.brief2image.render.Renderer;
import io.brief2image.render.ResponsesImageProvider;
import io.brief2image.render.SdWebUiProvider;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pipeline's beans from the settings. Each bean is one step of the routes in routes/,
 * bound under the name the YAML refers to.
 */
public final class Beans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(Beans.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = Settings.from(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        for (Path dir : new Path[] {settings.inbox(), settings.outbox(), settings.failed(), settings.data()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder " + dir.toAbsolutePath(), e);
            }
        }
        registry.bind("settings", settings);
        context.getPropertiesComponent().addOverrideProperty("brief2image.consumers", String.valueOf(consumers(settings.concurrency())));
        EmbeddedBroker embedded = settings.embeddedBroker() ? new EmbeddedBroker(settings.data(), settings.brokerListen()) : null;
        if (embedded != null) {
            embedded.startEarly();
            context.addService(embedded, true, true);
            registry.bind(OpsBeans.EMBEDDED_BROKER, embedded);
        }
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(embedded != null ? EmbeddedBroker.vmUrl() : settings.brokerUrl());
        // a brief takes seconds: each consumer holds one, not ActiveMQ's default of 1,000, so the last
        // briefs are not stuck behind a busy consumer while others idle, and several instances on one
        // external broker share the queue instead of the first one taking it all
        broker.getPrefetchPolicy().setQueuePrefetch(1);
        registry.bind("jms", JmsComponent.jmsComponent(pooled(broker, settings.concurrency())));
        // health checks, queue depth and replay open and close connections of their own: closing a
        // connection borrowed from the consumers' pool can take the consumers' connection down with it
        registry.bind("connectionFactory", broker);

        PipelineMetrics metrics = new PipelineMetrics(MetricsRegistry.of(context));
        Progress progress = new Progress();
        PartialFiles partials = new PartialFiles(settings.data());
        int cleaned = partials.clean();
        if (cleaned > 0) {
            LOG.info("removed {} partial files left by an earlier run", cleaned);
        }
        ModelTable models = ModelTable.load(settings.modelsLocation());
        if (models.find(settings.model()).isEmpty()) {
            throw new IllegalArgumentException("brief2image.model '" + settings.model() + "' is not in the model table; known: " + models.ids());
        }
        ModelLifecycle lifecycle = new ModelLifecycle(models, clock, ModelLifecycle.RetiredModels.of(settings.retiredModels()));
        ModelSpec defaultModel = ModelNotices.logAtStart(lifecycle, settings.model());
        ProducerTemplate template = context.createProducerTemplate();
        Budget budget = new Budget(settings.data(), clock, settings.dailyBudgetUsd());
        FreeSpace freeSpace = Optional.ofNullable(registry.lookupByNameAndType("freeSpace", FreeSpace.class)).orElse(FreeSpace.fileStores());
        Map<String, Path> disks = new LinkedHashMap<>();
        disks.put("outbox", settings.outbox());
        disks.put("data", settings.data());
        PendingOutbox pendingOutbox = new PendingOutbox(settings.data(), settings.outbox(), partials);
        DiskRoom diskRoom = new DiskRoom(disks, megabytes(context, "brief2image.disk-reserve-mb", 64), freeSpace, pendingOutbox::bytes);
        PaymentAdmission admission = new PaymentAdmission(budget, diskRoom, () -> context.isStopping() || context.isStopped());
        Estimates estimates = Estimates.load("classpath:estimates.yaml", settings.modelsLocation());
        int flushed = pendingOutbox.flush();
        if (flushed > 0) {
            LOG.info("wrote the kept images of {} briefs to the outbox", flushed);
        }
        OutboxWriter outbox = new OutboxWriter(settings.outbox(), partials, clock, pendingOutbox, admission::done);
        Ledger ledger = new Ledger(settings.data(), settings.outbox(), partials,
                java.time.Duration.ofSeconds((long) settings.requestTimeoutSeconds() * Math.max(1, settings.maxAttempts())));
        DuplicateGate duplicates = new DuplicateGate(ledger);
        ResultPublisher results = new ResultPublisher(ledger, metrics, progress, template, settings.resultTtlHours());
        Guidelines guidelines = new Guidelines(GuidelinePolicy.loadFrom(settings.guidelinesLocation()), clock);

        // providers: the OpenAI key goes only to OpenAI-compatible servers, never to an SD WebUI server
        ProviderHttp providerHttp = new ProviderHttp(context, settings.apiKey());
        ProviderHttp keyless = new ProviderHttp(context, "");
        Map<String, ImageProvider> providers = new LinkedHashMap<>();
        String provider = settings.effectiveProvider();
        ImageProvider stableDiffusion;
        if (provider.equals("offline")) {
            OfflineImageServer offline = OfflineImageServer.start(new OfflineOptions(0, settings.offlineLatencyMillis(),
                    settings.offlineImageBytes(), settings.offlineFaults()));
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    offline.close();
                }
            }, true, true);
            registry.bind("offlineServer", offline);
            providers.put("offline", new OpenAiImagesProvider(keyless, offline.baseUrl(), "offline", true));
            stableDiffusion = new SdWebUiProvider(keyless, offline.sdWebUiUrl(), "offline");
            LOG.warn("*** {}: using the OFFLINE image provider on {} - images are previews, not AI renders ***",
                    settings.hasApiKey() ? "provider=offline" : "No OPENAI_API_KEY", offline.baseUrl());
        } else {
            providers.put("openai", new OpenAiImagesProvider(providerHttp, settings.baseUrl(), "openai", false));
            providers.put("responses", new ResponsesImageProvider(providerHttp, settings.baseUrl(), settings.expansionModel()));
            stableDiffusion = new SdWebUiProvider(keyless, settings.sdWebUiUrl(), "sd-webui");
        }
        providers.put("sd-webui", stableDiffusion);
        ProviderRegistry providerRegistry = new ProviderRegistry(providers, provider, Map.of("sd-webui", stableDiffusion));
        ProviderGate gate = new ProviderGate(settings.concurrency(), settings.imagesPerMinute());
        registry.bind("providerGate", gate);
        // the provider client's timeouts and pools; the gate hears when each request really goes out
        ProviderConnections.configure(context, settings.requestTimeoutSeconds(), settings.concurrency(), gate::sent);
        GracefulStop.install(context, gate, Integer.parseInt(context.getPropertiesComponent()
                .resolveProperty("brief2image.stop-timeout").orElse("30").trim()));
        // one retry policy for image and chat calls (chat narrows the attempts: GptCaptionWriter)
        RetryPolicy retries = new RetryPolicy(settings.maxAttempts(), settings.retryBaseMillis());
        ProviderCalls calls = new ProviderCalls(gate, retries, metrics);
        Optional<CaptionWriter> gpt = settings.expansionMode() == ExpansionMode.GPT
                ? Optional.of(new GptCaptionWriter(new ChatCompletions(providerHttp, settings.baseUrl(), new ChatSpend(admission, estimates)),
                        settings.expansionModel(), retries))
                : Optional.empty();

        registry.bind("budget", budget);
        registry.bind("budgetState", budget);
        registry.bind("diskRoom", diskRoom);
        registry.bind("pendingOutbox", pendingOutbox);
        registry.bind("pipelineMetrics", metrics);
        registry.bind("progress", progress);
        registry.bind("modelTable", models);
        // the model briefs without a model are rendered on (the setting's replacement once it is shut down)
        registry.bind("defaultModel", defaultModel);
        registry.bind("inboxIntake", new InboxIntake(settings.maxBriefBytes(), settings.data(), progress));
        registry.bind("briefIntake", new BriefIntake(new BriefValidator(lifecycle, settings.model())));
        registry.bind("duplicates", duplicates);
        registry.bind("earlierImages", new io.brief2image.outbox.EarlierImages(outbox, lifecycle));
        registry.bind("guidelineStage", new GuidelineStage(guidelines));
        registry.bind("expansion", new ExpansionStage(guidelines, ExpansionRules.load("classpath:expansion.yaml"), gpt, outbox::imageFile));
        registry.bind("renderer", new Renderer(providerRegistry, calls, partials, admission, estimates));
        registry.bind("outbox", outbox);
        registry.bind("results", results);
        registry.bind("ledger", ledger);
        registry.bind("deferrals", new io.brief2image.admission.Deferrals());
        registry.bind("deadLetters", new DeadLetters(settings.failed(), partials, results, duplicates, template, clock));
        QueueDepth queueDepth = new QueueDepth(embedded, broker);
        registry.bind("queueDepth", queueDepth);
        // operators: gauges, health checks, status page and its API (routes/status.yaml)
        OpsBeans.bind(context, settings, metrics, gate::inFlight, queueDepth, broker);
        LOG.info("brief2image: {}", settings);
    }

    /**
     * More briefs are taken from the queue than the provider may work on at once, so that when a
     * request ends the next brief is already screened and waiting at the gate, and the slot never
     * idles while the finished brief is written and committed (scenario 2 of BENCHMARKS.md).
     */
    static int consumers(int concurrency) {
        return concurrency + Math.max(2, concurrency / 4);
    }

    private static long megabytes(CamelContext context, String key, long fallback) {
        String value = context.getPropertiesComponent().resolveProperty(key).orElse("").trim();
        try {
            return (value.isEmpty() ? fallback : Long.parseLong(value)) * 1_000_000L;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number of megabytes, got '" + value + "'");
        }
    }

    /** The pool only Camel's JMS consumers and producers use. */
    private static JmsPoolConnectionFactory pooled(ActiveMQConnectionFactory broker, int concurrency) {
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(broker);
        pool.setMaxConnections(4);
        pool.setMaxSessionsPerConnection(Math.max(500, concurrency * 8));
        return pool;
    }
}
