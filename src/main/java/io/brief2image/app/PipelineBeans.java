package io.brief2image.app;

import io.brief2image.admission.Budget;
import io.brief2image.admission.Deferrals;
import io.brief2image.admission.DiskRoom;
import io.brief2image.admission.Estimates;
import io.brief2image.admission.FreeSpace;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.base.PartialFiles;
import io.brief2image.base.PipelineMetrics;
import io.brief2image.base.Progress;
import io.brief2image.brief.BriefIntake;
import io.brief2image.brief.BriefValidator;
import io.brief2image.brief.ClaimOwner;
import io.brief2image.brief.InboxIntake;
import io.brief2image.brief.ModelLifecycle;
import io.brief2image.brief.ModelNotices;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.brief.Priority;
import io.brief2image.deadletter.DeadLetters;
import io.brief2image.dedupe.DuplicateGate;
import io.brief2image.dedupe.Ledger;
import io.brief2image.guidelines.GuidelineStage;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.outbox.EarlierImages;
import io.brief2image.outbox.MadeSoFar;
import io.brief2image.outbox.OutboxWriter;
import io.brief2image.outbox.PendingOutbox;
import io.brief2image.outbox.ResultPublisher;
import io.brief2image.store.InboxClaims;
import io.brief2image.store.SharedStore;
import io.brief2image.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's steps that call no provider (routes/inbox.yaml, produce.yaml, budget.yaml), each
 * bound under the name its route refers to, and what they share. The provider stages are in
 * {@link ProviderBeans}.
 */
public final class PipelineBeans extends OnceBeans {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineBeans.class);

    private final StartInParallel<ModelTable> modelTableRead;
    private final StartInParallel<GuidelinePolicy> guidelineDocumentRead;
    private final StartInParallel<Guidelines> guidelinesRead;

    PipelineBeans(Settings settings, Supplier<CamelContext> context) {
        super(settings, context);
        modelTableRead = StartInParallel.begin("models", () -> checkedModelTable(settings));
        guidelineDocumentRead = StartInParallel.begin("guideline document",
                () -> GuidelinePolicy.loadFrom(settings.models().guidelines()));
        guidelinesRead = StartInParallel.begin("guidelines", () -> new Guidelines(guidelineDocumentRead.take(), clock()));
    }

    @BindToRegistry
    public Settings settings() {
        return settings;
    }

    // --- the steps, in route order ---

    @BindToRegistry
    public InboxIntake inboxIntake() {
        return once("inboxIntake", () -> new InboxIntake(settings.limits().maxBriefBytes(), settings.folders().data(), progress(),
                Priority.of(settings.models().inboxPriority()).orElse(Priority.NOW)));
    }

    /**
     * Which instance reads which inbox file, so several instances can watch one shared inbox:
     * hidden claim files beside the briefs when no shared store is configured.
     */
    @BindToRegistry
    public IdempotentRepository inboxClaims() {
        // with a shared database the claims are rows in it; without one, claim files beside the briefs, which
        // instances sharing the inbox over a network share see too
        return once("inboxClaims", () -> settings.store().url().isBlank()
                ? new io.brief2image.brief.InboxClaims(settings.folders().inbox(),
                        ClaimOwner.thisProcess(settings.fleet().instanceId()), Duration.ofSeconds(settings.fleet().claimLeaseSeconds()))
                : store().inboxClaims("inbox"));
    }

    @BindToRegistry
    public BriefIntake briefIntake() {
        return once("briefIntake", () -> new BriefIntake(new BriefValidator(lifecycle(), settings.models().model()), metrics()));
    }

    @BindToRegistry
    public DuplicateGate duplicates() {
        return once("duplicates", () -> new DuplicateGate(ledger()));
    }

    @BindToRegistry
    public EarlierImages earlierImages() {
        return once("earlierImages", () -> new EarlierImages(outbox(), lifecycle()));
    }

    @BindToRegistry
    public GuidelineStage guidelineStage() {
        return once("guidelineStage", () -> new GuidelineStage(guidelinePolicy()));
    }

    /** The paid images of a brief that failed part way: published by the error handlers, the rest dead-lettered. */
    @BindToRegistry
    public MadeSoFar madeSoFar() {
        return once("madeSoFar", () -> new MadeSoFar(outbox(), ledger()));
    }

    @BindToRegistry
    public OutboxWriter outbox() {
        return once("outbox", () -> new OutboxWriter(settings.folders().outbox(), partials(), clock(), pendingOutbox(),
                admission()::done));
    }

    @BindToRegistry
    public ResultPublisher results() {
        return once("results", () -> new ResultPublisher(ledger(), metrics(), progress(), template(), settings.broker().resultTtlHours()));
    }

    @BindToRegistry
    public Deferrals deferrals() {
        return once("deferrals", Deferrals::new);
    }

    @BindToRegistry
    public DeadLetters deadLetters() {
        return once("deadLetters", () -> new DeadLetters(settings.folders().failed(), partials(), results(), duplicates(), madeSoFar(),
                template(), clock()));
    }

    /** Images paid for but kept for a full outbox; those kept by an earlier run are written out at start. */
    @BindToRegistry
    public PendingOutbox pendingOutbox() {
        return once("pendingOutbox", () -> {
            PendingOutbox pending = new PendingOutbox(settings.folders().data(), settings.folders().outbox(), partials());
            int flushed = pending.flush();
            if (flushed > 0) {
                LOG.info("wrote the kept images of {} briefs to the outbox", flushed);
            }
            return pending;
        });
    }

    // --- shared by the steps, the provider stages and the operators ---

    @BindToRegistry
    public Progress progress() {
        return once("progress", Progress::new);
    }

    @BindToRegistry
    public ModelTable modelTable() {
        return once("modelTable", modelTableRead::take);
    }

    private static ModelTable checkedModelTable(Settings settings) {
        ModelTable models = ModelTable.load(settings.models().table());
        if (models.find(settings.models().model()).isEmpty()) {
            throw new IllegalArgumentException("brief2image.model '" + settings.models().model() + "' is not in the model table; known: "
                    + models.ids());
        }
        return models;
    }

    @BindToRegistry
    public Budget budget() {
        return once("budget", () -> new Budget(store().spend(), store().pause(), store().instance(), clock(),
                settings.limits().dailyBudgetUsd()));
    }

    PipelineMetrics metrics() {
        return once("pipelineMetrics", () -> new PipelineMetrics(MetricsRegistry.of(context(), settings.fleet().instanceId())));
    }

    ModelLifecycle lifecycle() {
        return once("lifecycle", () -> new ModelLifecycle(modelTable(), clock(),
                ModelLifecycle.RetiredModels.of(settings.models().retired())));
    }

    /** The model briefs without a model are rendered on (the setting's replacement once it is shut down), said at start. */
    ModelSpec defaultModel() {
        return once("defaultModel", () -> ModelNotices.logAtStart(lifecycle(), settings.models().model()));
    }

    Guidelines guidelinePolicy() {
        return once("guidelinePolicy", guidelinesRead::take);
    }

    /** The guideline data itself, read once: the rules and the GPT guard's replacements share it. */
    GuidelinePolicy guidelineDocument() {
        return once("guidelineDocument", guidelineDocumentRead::take);
    }

    Ledger ledger() {
        return once("ledger", () -> new Ledger(store().ledger(), store().instance(), store().lease(), settings.folders().outbox(),
                Duration.ofSeconds((long) settings.limits().requestTimeoutSeconds() * Math.max(1, settings.limits().maxAttempts()))));
    }

    /**
     * The shared store (PostgreSQL with db-url, else the embedded H2 file under data/store). It starts
     * opening as early as {@link Application} can ask ({@link #openStoreEarly()}), on a thread of its own,
     * so the rest of the start goes on meanwhile; the context's start waits for it before any route
     * starts, and fails with the reason when it cannot be opened. It beats and renews this instance's
     * claims while the service runs, and closes after the routes have stopped (the last briefs record
     * their results in it).
     */
    @BindToRegistry
    public SharedStore store() {
        return once("store", () -> {
            SharedStore store = openStoreEarly();
            store.stopping(() -> context().isStopping() || context().isStopped());
            try {
                context().addService(new StoreService(store, "concurrency " + settings.limits().concurrency() + ", images per minute "
                        + settings.limits().imagesPerMinute() + ", daily budget " + settings.limits().dailyBudgetUsd(),
                        () -> context().getInflightRepository().size("produce")), true, true);
            } catch (Exception e) {
                store.close();
                throw new IllegalStateException("cannot manage the shared store", e);
            }
            return store;
        });
    }

    SharedStore openStoreEarly() {
        return once("openingStore", () -> {
            Settings.Store s = settings.store();
            return SharedStore.openInBackground(new StoreConfig(s.url(), s.user(), s.password(), settings.folders().data(),
                    Duration.ofSeconds(Math.max(1, settings.fleet().claimLeaseSeconds())), settings.limits().consumers() + 4, settings.fleet().instanceId()), clock());
        });
    }

    /** Partial files left by an earlier run are removed before anything writes new ones. */
    PartialFiles partials() {
        return once("partials", () -> {
            PartialFiles partials = new PartialFiles(settings.folders().data());
            int cleaned = partials.clean();
            if (cleaned > 0) {
                LOG.info("removed {} partial files left by an earlier run", cleaned);
            }
            return partials;
        });
    }

    /** Free space on the outbox's and data's disks; a test may bind its own {@code freeSpace} before start. */
    DiskRoom diskRoom() {
        return once("diskRoom", () -> {
            FreeSpace freeSpace = Optional.ofNullable(context().getRegistry().lookupByNameAndType("freeSpace", FreeSpace.class))
                    .orElse(FreeSpace.fileStores());
            Map<String, Path> disks = new LinkedHashMap<>();
            disks.put("outbox", settings.folders().outbox());
            disks.put("data", settings.folders().data());
            return new DiskRoom(disks, settings.limits().diskReserveMb() * 1_000_000L, freeSpace, pendingOutbox()::bytes);
        });
    }

    PaymentAdmission admission() {
        return once("admission", () -> new PaymentAdmission(budget(), diskRoom(), () -> context().isStopping() || context().isStopped()));
    }

    Estimates estimates() {
        return once("estimates", () -> Estimates.load("classpath:estimates.yaml", modelTable(), settings.models().table()));
    }

    ProducerTemplate template() {
        return once("template", () -> context().createProducerTemplate());
    }

    Clock clock() {
        return Clock.systemUTC();
    }

    /** The default model is checked and its notices logged at start, whether or not a step asked for it first. */
    @Override
    public void configure(CamelContext camelContext) {
        defaultModel();
    }
}
