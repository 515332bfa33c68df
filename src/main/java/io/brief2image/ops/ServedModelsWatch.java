package io.brief2image.ops;

import io.brief2image.brief.ModelTable;
import io.brief2image.render.ProviderModels;
import io.brief2image.render.ServedModelsVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the provider which models it serves at start and then every interval, on a thread of its
 * own so that a slow or failing models call never delays or stops the service. A failed call is
 * logged and asked again after {@link #RETRY_AFTER} (or the interval, if shorter).
 */
public final class ServedModelsWatch extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ServedModelsWatch.class);
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    /** The latest answer: verdict set when the list came, failure set when the call failed, both null before. */
    public record Snapshot(ServedModelsVerdict verdict, String failure, Instant at) {
        static final Snapshot NOT_YET = new Snapshot(null, null, null);
    }

    private final ProviderModels provider;
    private final ModelTable table;
    private final String defaultModel;
    private final Duration interval;
    private final Clock clock;
    private volatile Snapshot latest = Snapshot.NOT_YET;
    private ScheduledExecutorService scheduler;

    public ServedModelsWatch(ProviderModels provider, ModelTable table, String defaultModel, Duration interval, Clock clock) {
        this.provider = provider;
        this.table = table;
        this.defaultModel = defaultModel;
        this.interval = interval;
        this.clock = clock;
    }

    public Snapshot latest() {
        return latest;
    }

    /** One models call, recorded; the scheduler runs it, and tests may call it directly. */
    public Snapshot check() {
        try {
            ServedModelsVerdict verdict = ServedModelsVerdict.of(table, defaultModel, provider.served());
            if (!verdict.defaultServed() || !verdict.tableModelsNotServed().isEmpty()) {
                LOG.warn("provider models: {}", verdict.sentence());
            } else {
                LOG.info("provider models: {}", verdict.sentence());
            }
            latest = new Snapshot(verdict, null, clock.instant());
        } catch (ProviderModels.Failed e) {
            LOG.warn("provider models unknown: {}; asking again in {} s", e.getMessage(), retryDelay().toSeconds());
            // keep the last verdict known: one failed call does not make a served model unserved
            latest = new Snapshot(latest.verdict(), e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("provider models unknown: {}; asking again in {} s", e.getClass().getSimpleName(), retryDelay().toSeconds());
            latest = new Snapshot(latest.verdict(), "GET /models failed: " + e.getClass().getSimpleName(), clock.instant());
        }
        return latest;
    }

    @Override
    protected void doStart() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "provider-models");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::checkAndPlanNext);
    }

    private void checkAndPlanNext() {
        Snapshot snapshot = check();
        Duration next = snapshot.failure() == null ? interval : retryDelay();
        try {
            scheduler.schedule(this::checkAndPlanNext, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the service stopped while the call ran: nothing more to ask
        }
    }

    private Duration retryDelay() {
        return interval.compareTo(RETRY_AFTER) < 0 ? interval : RETRY_AFTER;
    }

    @Override
    protected void doStop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
