package io.brief2image.ops.web;

import java.util.Map;

/** The live counters of GET /api/status. */
public record StatusReport(long briefsDone, long briefsFailed, long images, int inFlight, Map<String, Long> queueDepth,
                           long deadLetters, double spendUsd, Budget budget, String provider) {

    public record Budget(boolean paused, String reason, double spentTodayUsd) {
    }
}
