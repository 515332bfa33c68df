package io.brief2image.app;

import io.brief2image.admission.BudgetState;
import io.brief2image.admission.Pauses;
import io.brief2image.base.Queues;
import io.brief2image.broker.EmbeddedBroker;
import io.brief2image.deadletter.DeadLetterReplay;
import io.brief2image.ops.AdminAccess;
import io.brief2image.ops.DeadLetterFolder;
import io.brief2image.ops.OperatorGauges;
import io.brief2image.ops.OutboxFiles;
import io.brief2image.ops.ProduceListener;
import io.brief2image.ops.RecentImages;
import io.brief2image.ops.ServedModelsWatch;
import io.brief2image.ops.health.BrokerHealthCheck;
import io.brief2image.ops.health.BudgetHealthCheck;
import io.brief2image.ops.health.ConsumersHealthCheck;
import io.brief2image.ops.health.ConsumptionHealthCheck;
import io.brief2image.ops.health.DiskHealthCheck;
import io.brief2image.ops.health.StoreHealthCheck;
import io.brief2image.ops.FleetView;
import io.brief2image.ops.health.FleetHealthCheck;
import io.brief2image.ops.health.FoldersHealthCheck;
import io.brief2image.ops.health.ProviderHealthCheck;
import io.brief2image.ops.web.BudgetApi;
import io.brief2image.ops.web.DeadLettersApi;
import io.brief2image.ops.web.FilesApi;
import io.brief2image.ops.web.ImagesApi;
import io.brief2image.ops.web.BatchesApi;
import io.brief2image.ops.web.ReplayApi;
import io.brief2image.ops.web.StatusApi;
import io.brief2image.ops.web.StatusPage;
import io.brief2image.render.ProviderModels;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * What operators see and steer: the beans behind routes/status.yaml, and the health checks (Camel's
 * health registry picks up every HealthCheck bound, whatever its name).
 */
public final class OperatorBeans extends OnceBeans {

    private final PipelineBeans pipeline;
    private final ProviderBeans providers;
    private final BrokerBeans broker;

    OperatorBeans(Settings settings, Supplier<CamelContext> context, PipelineBeans pipeline, ProviderBeans providers, BrokerBeans broker) {
        super(settings, context);
        this.pipeline = pipeline;
        this.providers = providers;
        this.broker = broker;
    }

    // --- routes/status.yaml ---

    @BindToRegistry
    public StatusPage statusPage() {
        return once("statusPage", StatusPage::new);
    }

    @BindToRegistry
    public StatusApi statusApi() {
        return once("statusApi", () -> new StatusApi(pipeline.metrics(), providers.gate()::inFlight, broker.queueDepth(), deadLetterFolder(),
                this::pauses, settings.provider().effective(), fleetView()));
    }

    @BindToRegistry
    public ImagesApi imagesApi() {
        return once("imagesApi", () -> new ImagesApi(new RecentImages(settings.folders().outbox())));
    }

    @BindToRegistry
    public DeadLettersApi deadLettersApi() {
        return once("deadLettersApi", () -> new DeadLettersApi(deadLetterFolder()));
    }

    /** GET /api/batches and POST /api/batches/cancel (routes/batch.yaml). */
    @BindToRegistry
    public BatchesApi batchesApi() {
        return once("batchesApi", () -> new BatchesApi(access(), pipeline.store().batches(), providers.batchRunner()));
    }

    @BindToRegistry
    public ReplayApi replayApi() {
        return once("replayApi", () -> new ReplayApi(access(), new DeadLetterReplay(settings.folders().failed(), settings.folders().inbox(),
                settings.folders().outbox(), broker.connectionFactory())));
    }

    @BindToRegistry
    public FilesApi filesApi() {
        return once("filesApi", () -> new FilesApi(new OutboxFiles(settings.folders().outbox())));
    }

    @BindToRegistry
    public BudgetApi budgetApi() {
        return once("budgetApi", () -> new BudgetApi(access(), pipeline.budget()));
    }

    // --- health checks ---

    @BindToRegistry
    public BrokerHealthCheck brokerHealth() {
        EmbeddedBroker embedded = broker.embeddedBroker();
        return once("brokerHealth", () -> embedded != null ? BrokerHealthCheck.embedded(embedded)
                : BrokerHealthCheck.external(broker.connectionFactory()));
    }

    @BindToRegistry
    public FoldersHealthCheck foldersHealth() {
        return once("foldersHealth", () -> new FoldersHealthCheck(settings.folders().all()));
    }

    @BindToRegistry
    public ProviderHealthCheck providerHealth() {
        boolean offlineRunning = providers.offlineServer() != null;
        return once("providerHealth", () -> new ProviderHealthCheck(settings.provider().effective(), settings.provider().hasApiKey(),
                () -> offlineRunning, servedModels()));
    }

    @BindToRegistry
    public BudgetHealthCheck budgetHealth() {
        return once("budgetHealth", () -> new BudgetHealthCheck(pipeline::budget));
    }

    @BindToRegistry
    public FleetHealthCheck fleetHealth() {
        return once("fleetHealth", () -> new FleetHealthCheck(fleetView()));
    }

    FleetView fleetView() {
        return once("fleetView", () -> new FleetView(pipeline::store, pipeline::budget, providers::gate));
    }

    @BindToRegistry
    public StoreHealthCheck storeHealth() {
        return once("storeHealth", () -> new StoreHealthCheck(pipeline::store));
    }

    @BindToRegistry
    public DiskHealthCheck diskHealth() {
        return once("diskHealth", () -> new DiskHealthCheck(pipeline.diskRoom(), () -> pipeline.pendingOutbox().count()));
    }

    @BindToRegistry
    public ConsumptionHealthCheck consumptionHealth() {
        return once("consumptionHealth", () -> new ConsumptionHealthCheck(new ConsumptionHealthCheck.Signals() {
            public long waiting() {
                return broker.queueDepth().of(Queues.BRIEFS);
            }

            public int working() {
                return context().getInflightRepository().size("produce");
            }

            public long finished() {
                return pipeline.progress().done() + pipeline.progress().failed();
            }

            public boolean paused() {
                return pauses().paused();
            }
        }, stallWindow(), System::currentTimeMillis));
    }

    @BindToRegistry
    public ConsumersHealthCheck consumersHealth() {
        EmbeddedBroker embedded = broker.embeddedBroker();
        return once("consumersHealth", () -> new ConsumersHealthCheck(() -> new ConsumersHealthCheck.State(
                pipeline.budget().paused(), ProduceListener.attached(context()), embedded == null ? -1 : embedded.consumersOn(Queues.BRIEFS),
                context().getRouteController().getRouteStatus("inbox") == ServiceStatus.Started),
                stallWindow(), System::currentTimeMillis));
    }

    // --- shared ---

    /** Everything that holds paid requests back: the budget and the disk. */
    private BudgetState pauses() {
        return once("pauses", () -> new Pauses(pipeline.budget(), List.of(pipeline.diskRoom())));
    }

    private DeadLetterFolder deadLetterFolder() {
        return once("deadLetterFolder", () -> new DeadLetterFolder(settings.folders().failed()));
    }

    private AdminAccess access() {
        return once("access", () -> new AdminAccess(settings.operators().adminToken(), settings.operators().adminLoopback()));
    }

    private Duration stallWindow() {
        return Duration.ofSeconds(settings.operators().stallSeconds());
    }

    /**
     * With a key and an OpenAI-style provider, the provider is asked what it serves at start and every
     * {@code models-check-minutes}; {@code null} (not asked) otherwise or when the setting is 0.
     */
    private Supplier<ServedModelsWatch.Snapshot> servedModels() {
        ServedModelsWatch watch = once("servedModelsWatch", () -> {
            long minutes = settings.models().checkMinutes();
            if (!settings.provider().listsModels() || minutes <= 0) {
                return null;
            }
            ServedModelsWatch made = new ServedModelsWatch(
                    new ProviderModels(settings.provider().baseUrl(), settings.provider().apiKey(), Duration.ofSeconds(30)),
                    pipeline.modelTable(), pipeline.defaultModel().id(), Duration.ofMinutes(minutes), Clock.systemUTC());
            try {
                context().addService(made, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the provider models check", e);
            }
            return made;
        });
        return watch == null ? null : watch::latest;
    }

    /** The gauges of queues, requests in flight and dead letters, registered once every bean is made. */
    @Override
    public void configure(CamelContext context) {
        OperatorGauges.register(pipeline.metrics().registry(), broker.queueDepth(), providers.gate()::inFlight, deadLetterFolder());
    }
}
