package io.brief2image.ops.health;

import io.brief2image.ops.FleetView;
import io.brief2image.store.StoreUnavailable;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The fleet seen from this instance: who is alive (instance@host, in flight), the fleet's spend against
 * its one daily budget and its shared pace. UP while the store answers (a paused budget is the
 * {@code budget} check's to say); DOWN with the store's reason during an outage.
 */
public final class FleetHealthCheck extends ReadinessCheck {

    private final FleetView fleet;

    public FleetHealthCheck(FleetView fleet) {
        super("fleet");
        this.fleet = fleet;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FleetView.Report report;
        try {
            report = fleet.report();
        } catch (StoreUnavailable e) {
            builder.message(e.getMessage()).down();
            return;
        }
        builder.detail("instances_alive", report.instances().size());
        builder.detail("instances", report.instances().stream()
                .map(i -> i.instance() + "@" + i.host() + " (in flight " + i.inFlight() + ", last beat " + i.lastBeat() + ")")
                .collect(Collectors.joining(", ")));
        builder.detail("spent_today_usd", String.format(Locale.ROOT, "%.4f", report.spentTodayUsd()));
        builder.detail("daily_budget_usd", report.budgetUsd() > 0 ? String.format(Locale.ROOT, "%.2f", report.budgetUsd()) : "none");
        builder.detail("images_per_minute_configured", report.configuredPerMinute());
        builder.detail("images_per_minute_last_minute", report.measuredPerMinute());
        builder.message(report.instances().size() + " instance" + (report.instances().size() == 1 ? "" : "s") + " alive; spent today $"
                + String.format(Locale.ROOT, "%.2f", report.spentTodayUsd())
                + (report.budgetUsd() > 0 ? String.format(Locale.ROOT, " of $%.2f", report.budgetUsd()) : " (no budget)")
                + "; " + report.measuredPerMinute() + " images started in the last minute"
                + (report.configuredPerMinute() > 0 ? " (pace " + report.configuredPerMinute() + " per minute)" : "")).up();
    }
}
