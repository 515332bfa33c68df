package io.brief2image.moderation;

import io.brief2image.base.BriefFailure;
import io.brief2image.base.PolicyAction;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import io.brief2image.http.FaultClass;
import io.brief2image.http.ProviderHttpException;
import io.brief2image.http.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The moderation step, between expansion and render: nothing is paid for a caption the provider's
 * moderation flags. With a key, every final caption goes to {@link ModerationClient}; a flagged one
 * dead-letters the brief, the reason naming the categories in plain words. Without a key the
 * blocked-term list, which the guidelines ran on every final caption, is the moderation, and the
 * sidecar says so. A moderation service that keeps failing after the retries <b>fails closed</b>: the
 * brief is dead-lettered unpaid (replayable), because an unchecked caption must not reach a paid call.
 */
public final class ModerationStage {

    public static final String RULE = "moderation";
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** Who moderates: the provider's endpoint, the blocked-term list (no key), or nobody (setting off). */
    public enum Mode {
        ENDPOINT, BLOCKED_TERMS, OFF
    }

    private final Mode mode;
    private final ModerationClient client;
    private final RetryPolicy retries;
    private final ModerationWords words = ModerationWords.bundled();

    /** @param client used in mode ENDPOINT only (null otherwise); @param retries the image calls' policy */
    public ModerationStage(Mode mode, ModerationClient client, RetryPolicy retries) {
        if (mode == Mode.ENDPOINT && client == null) {
            throw new IllegalArgumentException("moderation by endpoint needs a client");
        }
        this.mode = mode;
        this.client = client;
        this.retries = retries.withWaitCap(MAX_WAIT);
    }

    public RenderPlan check(RenderPlan plan) {
        List<String> captions = plan.tasks().stream().map(ImageTask::imagePrompt).toList();
        return switch (mode) {
            case OFF -> plan;
            case BLOCKED_TERMS -> withEntry(plan, new PolicyAction(RULE, "checked",
                    "no API key: the blocked-term list of the guidelines was the moderation of the final captions"));
            case ENDPOINT -> withEntry(plan, moderated(captions));
        };
    }

    private PolicyAction moderated(List<String> captions) {
        RetryPolicy.Attempted<List<ModerationClient.Verdict>> checked = retries.run(() -> client.check(captions), call);
        List<String> flagged = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        for (int k = 0; k < checked.value().size(); k++) {
            ModerationClient.Verdict verdict = checked.value().get(k);
            if (verdict.flagged()) {
                flagged.addAll(verdict.categories());
                which.add(k + 1);
            }
        }
        if (!which.isEmpty()) {
            throw new BriefFailure("moderation", words.flaggedReason(flagged),
                    ModerationClient.MODEL + " flagged caption " + which + " for " + flagged, null, null, checked.attempts(), null);
        }
        return new PolicyAction(RULE, "passed", ModerationClient.MODEL + ": " + captions.size() + " caption"
                + (captions.size() == 1 ? "" : "s") + ", none flagged");
    }

    private static RenderPlan withEntry(RenderPlan plan, PolicyAction entry) {
        List<PolicyAction> policy = new ArrayList<>(plan.policy());
        policy.add(entry);
        return new RenderPlan(plan.brief(), plan.tasks(), List.copyOf(policy), plan.expansion(), plan.timingsMs(), plan.chatCostUsd());
    }

    /** A failure to moderate is a dead letter with the reason in plain words: fail closed. */
    private final RetryPolicy.Caller<BriefFailure> call = new RetryPolicy.Caller<>() {
        @Override
        public RetryPolicy.Verdict judge(Exception failure) {
            if (failure instanceof ProviderHttpException http) {
                return new RetryPolicy.Verdict(FaultClass.of(http).transientFault(), http.retryAfter());
            }
            return failure instanceof IOException ? new RetryPolicy.Verdict(FaultClass.of(failure).transientFault(), null) : null;
        }

        @Override
        public BriefFailure failed(Exception failure, int attempts, boolean gaveUp) {
            Integer status = failure instanceof ProviderHttpException http ? http.status() : null;
            String code = failure instanceof ProviderHttpException http ? http.code() : null;
            String why = whyOf(failure) + (gaveUp ? " (" + attempts + " attempts)" : "");
            return new BriefFailure("moderation", words.unavailableReason(why), status, code, attempts, failure);
        }

        @Override
        public BriefFailure interrupted() {
            return new BriefFailure("moderation", words.unavailableReason("was interrupted"));
        }
    };

    private static String whyOf(Exception failure) {
        if (failure instanceof ProviderHttpException http) {
            return "answered with an error (HTTP " + http.status() + ")";
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return "did not answer in time";
        }
        if (failure instanceof io.brief2image.http.MalformedReplyException) {
            return "sent a reply that could not be read";
        }
        return "could not be reached";
    }
}
