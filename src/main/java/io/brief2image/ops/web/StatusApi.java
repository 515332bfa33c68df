package io.brief2image.ops.web;

import io.brief2image.base.Queues;
import io.brief2image.admission.BudgetState;
import io.brief2image.ops.DeadLetterFolder;
import io.brief2image.ops.OperatorGauges;
import io.brief2image.base.PipelineMetrics;
import io.brief2image.ops.QueueDepth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/** GET /api/status: the counters the status page refreshes every two seconds. */
public final class StatusApi {

    private final PipelineMetrics metrics;
    private final IntSupplier inFlight;
    private final QueueDepth queues;
    private final DeadLetterFolder deadLetters;
    private final Supplier<BudgetState> budget;
    private final String provider;
    private final io.brief2image.ops.FleetView fleet;

    public StatusApi(PipelineMetrics metrics, IntSupplier inFlight, QueueDepth queues, DeadLetterFolder deadLetters,
                     Supplier<BudgetState> budget, String provider, io.brief2image.ops.FleetView fleet) {
        this.fleet = fleet;
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.queues = queues;
        this.deadLetters = deadLetters;
        this.budget = budget;
        this.provider = provider;
    }

    public void status(Exchange exchange) {
        HttpReply.json(exchange, 200, report());
    }

    StatusReport report() {
        Map<String, Long> depth = new LinkedHashMap<>();
        depth.put(Queues.BRIEFS, queues.of(Queues.BRIEFS));
        depth.put(Queues.BRIEFS_DLQ, queues.of(Queues.BRIEFS_DLQ));
        BudgetState state = budget.get();
        StatusReport.Budget budgetView;
        try {
            budgetView = state == null ? null : new StatusReport.Budget(state.paused(), state.reason(), state.spentTodayUsd());
        } catch (RuntimeException storeDown) {
            // the shared store does not answer: the page says so instead of failing
            budgetView = new StatusReport.Budget(true, storeDown.getMessage(), 0);
        }
        return new StatusReport(metrics.briefsDone(), metrics.briefsFailed(), metrics.imagesRendered(), inFlight.getAsInt(),
                depth, deadLetters.count(), metrics.spendUsd(), budgetView, provider, fleet());
    }

    private StatusReport.Fleet fleet() {
        try {
            io.brief2image.ops.FleetView.Report r = fleet.report();
            return new StatusReport.Fleet(r.instances(), r.spentTodayUsd(), r.budgetUsd(), r.configuredPerMinute(), r.measuredPerMinute(), null);
        } catch (RuntimeException storeDown) {
            return new StatusReport.Fleet(java.util.List.of(), 0, 0, 0, 0, storeDown.getMessage());
        }
    }
}
