package io.brief2image.ops.web;

import java.util.Map;

/** The live counters of GET /api/status. */
public record StatusReport(long briefsDone, long briefsFailed, long images, int inFlight, Map<String, Long> queueDepth,
                           long deadLetters, double spendUsd, Budget budget, String provider, Fleet fleet) {

    /** The fleet on the shared store: instances alive, its spend against its one budget, its pace; {@code error} while the store is down. */
    public record Fleet(java.util.List<io.brief2image.ops.FleetView.Instance> instances, double spentTodayUsd, double dailyBudgetUsd,
                        int imagesPerMinuteConfigured, int imagesPerMinuteLastMinute, String error) {
    }

    public record Budget(boolean paused, String reason, double spentTodayUsd) {
    }
}
