package io.brief2image.ops;

import io.brief2image.admission.Budget;
import io.brief2image.render.ProviderGate;
import io.brief2image.store.Heartbeats;
import io.brief2image.store.SharedStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fleet as the shared store knows it: the instances heard from within the claim lease, the day's
 * spend of all of them against the one budget, and the shared pace (configured, and started over the
 * last minute by every instance). Asked by the status page and the {@code fleet} health check; each
 * call reads the store (throws {@link io.brief2image.store.StoreUnavailable} during an outage).
 */
public final class FleetView {

    /** @param started ISO instant; @param lastBeat ISO instant; @param self the instance answering */
    public record Instance(String instance, String host, String info, String started, String lastBeat, int inFlight, boolean self) {
    }

    /** @param budgetUsd the fleet's daily budget (0: none); @param measuredPerMinute requests started in the last minute */
    public record Report(String store, List<Instance> instances, double spentTodayUsd, double budgetUsd,
                         int configuredPerMinute, int measuredPerMinute) {
    }

    private final Supplier<SharedStore> store;
    private final Supplier<Budget> budget;
    private final Supplier<ProviderGate> gate;

    public FleetView(Supplier<SharedStore> store, Supplier<Budget> budget, Supplier<ProviderGate> gate) {
        this.store = store;
        this.budget = budget;
        this.gate = gate;
    }

    public Report report() {
        SharedStore shared = store.get();
        List<Instance> alive = shared.heartbeats().alive(shared.lease()).stream().map(beat -> instance(beat, shared.instance())).toList();
        Budget fleetBudget = budget.get();
        ProviderGate pace = gate.get();
        return new Report(shared.where(), alive, fleetBudget.spentTodayUsd(), fleetBudget.limitUsd(), pace.imagesPerMinute(),
                pace.startedLastMinute());
    }

    private static Instance instance(Heartbeats.Beat beat, String self) {
        return new Instance(beat.instance(), beat.host(), beat.info(), Instant.ofEpochMilli(beat.startedAt()).toString(),
                Instant.ofEpochMilli(beat.beatAt()).toString(),
                beat.inFlight(), beat.instance().equals(self));
    }
}
