package io.brief2image.app;

import io.brief2image.base.Queues;
import io.brief2image.admission.Budget;
import io.brief2image.admission.BudgetState;
import io.brief2image.admission.DiskRoom;
import io.brief2image.admission.Pauses;
import io.brief2image.admission.UnlimitedBudget;
import io.brief2image.base.PipelineMetrics;
import io.brief2image.base.Progress;
import io.brief2image.ops.AdminAccess;
import io.brief2image.ops.DeadLetterFolder;
import io.brief2image.ops.OperatorGauges;
import io.brief2image.ops.OutboxFiles;
import io.brief2image.ops.ProduceListener;
import io.brief2image.ops.QueueDepth;
import io.brief2image.ops.RecentImages;
import io.brief2image.ops.ServedModelsWatch;

import io.brief2image.app.Settings;
import io.brief2image.broker.EmbeddedBroker;
import io.brief2image.deadletter.DeadLetterReplay;
import io.brief2image.ops.health.BrokerHealthCheck;
import io.brief2image.ops.health.BudgetHealthCheck;
import io.brief2image.ops.health.ConsumersHealthCheck;
import io.brief2image.ops.health.ConsumptionHealthCheck;
import io.brief2image.ops.health.FoldersHealthCheck;
import io.brief2image.ops.health.ProviderHealthCheck;
import io.brief2image.ops.web.DeadLettersApi;
import io.brief2image.ops.web.FilesApi;
import io.brief2image.ops.web.ImagesApi;
import io.brief2image.ops.web.BudgetApi;
import io.brief2image.ops.web.ReplayApi;
import io.brief2image.ops.web.StatusApi;
import io.brief2image.ops.web.StatusPage;
import jakarta.jms.ConnectionFactory;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.render.ProviderModels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Wires what operators see and steer: gauges, health checks, and the beans behind
 * routes/status.yaml. Kept apart from the pipeline's Beans so each can change alone.
 */
public final class OpsBeans {

    public static final String BUDGET_STATE = "budgetState";
    /** Where Beans binds the embedded broker, when there is one. */
    public static final String EMBEDDED_BROKER = "embeddedBroker";

    private OpsBeans() {
    }

    /**
     * With a key and an OpenAI-style provider, the provider is asked what it serves at start and every
     * {@code models-check-minutes}; {@code null} (not asked) otherwise or when the setting is 0.
     */
    private static Supplier<ServedModelsWatch.Snapshot> servedModels(CamelContext context, Settings settings) {
        long minutes = Long.parseLong(context.getPropertiesComponent().resolveProperty("brief2image.models-check-minutes")
                .orElse("30").trim());
        ModelTable table = context.getRegistry().lookupByNameAndType("modelTable", ModelTable.class);
        ModelSpec defaultModel = context.getRegistry().lookupByNameAndType("defaultModel", ModelSpec.class);
        boolean openAiStyle = Set.of("openai", "responses").contains(settings.effectiveProvider());
        if (!settings.hasApiKey() || !openAiStyle || minutes <= 0 || table == null) {
            return null;
        }
        ServedModelsWatch watch = new ServedModelsWatch(
                new ProviderModels(settings.baseUrl(), settings.apiKey(), Duration.ofSeconds(30)),
                table, defaultModel == null ? settings.model() : defaultModel.id(), Duration.ofMinutes(minutes), Clock.systemUTC());
        try {
            context.addService(watch, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the provider models check", e);
        }
        context.getRegistry().bind("servedModelsWatch", watch);
        return watch::latest;
    }

    public static void bind(CamelContext context, Settings settings, PipelineMetrics metrics, IntSupplier inFlight,
                            QueueDepth queues, ConnectionFactory connections) {
        Registry registry = context.getRegistry();
        DeadLetterFolder deadLetters = new DeadLetterFolder(settings.failed());
        OperatorGauges.register(metrics.registry(), queues, inFlight, deadLetters);

        // a real budget, bound by its own wiring under the same name, replaces this default
        if (registry.lookupByNameAndType(BUDGET_STATE, BudgetState.class) == null) {
            registry.bind(BUDGET_STATE, BudgetState.class, new UnlimitedBudget(metrics));
        }
        Supplier<BudgetState> budget = () -> registry.lookupByNameAndType(BUDGET_STATE, BudgetState.class);
        // the status page and the stall check see every pause of paid requests: budget and disk
        DiskRoom disk = registry.lookupByNameAndType("diskRoom", DiskRoom.class);
        Supplier<BudgetState> pauses = disk == null ? budget : () -> new Pauses(budget.get(), java.util.List.of(disk));

        String provider = settings.effectiveProvider();
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("inbox", settings.inbox());
        folders.put("outbox", settings.outbox());
        folders.put("failed", settings.failed());
        folders.put("data", settings.data());
        // Camel's health registry picks up every HealthCheck bound in the registry
        EmbeddedBroker embedded = registry.lookupByNameAndType(EMBEDDED_BROKER, EmbeddedBroker.class);
        registry.bind("brokerHealth", embedded != null ? BrokerHealthCheck.embedded(embedded) : BrokerHealthCheck.external(connections));
        registry.bind("foldersHealth", new FoldersHealthCheck(folders));
        registry.bind("providerHealth", new ProviderHealthCheck(provider, settings.hasApiKey(),
                () -> registry.lookupByName("offlineServer") != null, servedModels(context, settings)));
        registry.bind("budgetHealth", new BudgetHealthCheck(budget));
        if (disk != null) {
            io.brief2image.outbox.PendingOutbox kept = registry.lookupByNameAndType("pendingOutbox", io.brief2image.outbox.PendingOutbox.class);
            registry.bind("diskHealth", new io.brief2image.ops.health.DiskHealthCheck(disk, () -> kept == null ? 0 : kept.count()));
        }
        Progress progress = registry.lookupByNameAndType("progress", Progress.class);
        Duration stallWindow = Duration.ofSeconds(Long.parseLong(context.getPropertiesComponent()
                .resolveProperty("brief2image.stall-seconds").orElse("120").trim()));
        registry.bind("consumptionHealth", new ConsumptionHealthCheck(new ConsumptionHealthCheck.Signals() {
            public long waiting() {
                return queues.of(Queues.BRIEFS);
            }

            public int working() {
                return context.getInflightRepository().size("produce");
            }

            public long finished() {
                return progress == null ? 0 : progress.done() + progress.failed();
            }

            public boolean paused() {
                return pauses.get().paused();
            }
        }, stallWindow, System::currentTimeMillis));

        registry.bind("consumersHealth", new ConsumersHealthCheck(() -> new ConsumersHealthCheck.State(
                budget.get().paused(), ProduceListener.attached(context), embedded == null ? -1 : embedded.consumersOn(Queues.BRIEFS),
                context.getRouteController().getRouteStatus("inbox") != null && context.getRouteController().getRouteStatus("inbox").isStarted()),
                stallWindow, System::currentTimeMillis));

        boolean loopbackWithoutToken = Boolean.parseBoolean(context.getPropertiesComponent()
                .resolveProperty("brief2image.admin-loopback").orElse("false").trim());
        AdminAccess access = new AdminAccess(settings.adminToken(), loopbackWithoutToken);
        registry.bind("statusApi", new StatusApi(metrics, inFlight, queues, deadLetters, pauses, provider));
        registry.bind("imagesApi", new ImagesApi(new RecentImages(settings.outbox())));
        registry.bind("deadLettersApi", new DeadLettersApi(deadLetters));
        registry.bind("replayApi", new ReplayApi(access, new DeadLetterReplay(settings.failed(), settings.inbox(), settings.outbox(), connections)));
        registry.bind("filesApi", new FilesApi(new OutboxFiles(settings.outbox())));
        Budget realBudget = registry.lookupByNameAndType("budget", Budget.class);
        if (realBudget != null) {
            registry.bind("budgetApi", new BudgetApi(access, realBudget));
        }
        registry.bind("statusPage", new StatusPage());
    }
}
