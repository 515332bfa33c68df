package io.brief2image.http;

import io.brief2image.base.Detail;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;

/**
 * Which provider faults are worth another attempt, and what to tell a person about them. The
 * tables follow OpenAI's SDKs (retry 408, 409, 429, 5xx) and error codes. {@code what} says what
 * happened ("the image service had a problem on its side"); {@code reason()} is the sentence for a
 * fault that is not retried, {@link #gaveUp} the one when retries ran out; {@code detail} is the
 * technical text (status, code, provider message, exception) for the operator.
 */
public record FaultClass(boolean transientFault, String what, String advice, String detail) {

    private static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 409, 429);
    private static final int MAX_QUOTE = 300;

    private record Words(String what, String advice) {
    }

    /** Permanent faults by provider error code: what happened and what to change. */
    private static final Map<String, Words> BY_CODE = Map.of(
            "moderation_blocked", new Words("the image service's safety system refused this prompt%s", "Rephrase the prompt and submit it again."),
            "content_policy_violation", new Words("the image service's safety system refused this prompt%s", "Rephrase the prompt and submit it again."),
            "unknown_parameter", new Words("the image service does not accept one of the brief's settings for this model%s",
                    "Remove that field from the brief, or pick another model."),
            "invalid_api_key", new Words("the image service refused the API key", "An operator should check OPENAI_API_KEY."),
            "model_not_found", new Words("the image service does not know this model%s",
                    "Pick a model from the model table; an operator should check OPENAI_BASE_URL."),
            "billing_hard_limit_reached", new Words("the image service account has reached its billing limit%s",
                    "An operator should raise the limit, or wait."),
            "insufficient_quota", new Words("the image service account has no credit left%s", "An operator should add credit, or wait."));

    /** Permanent faults by HTTP status when the code says nothing more specific. */
    private static final Map<Integer, Words> BY_STATUS = Map.of(
            400, new Words("the image service refused the request as invalid%s", "Check the brief's fields against the model."),
            401, new Words("the image service refused the API key", "An operator should check OPENAI_API_KEY."),
            403, new Words("the API key may not use this model or endpoint%s", "An operator should check the account's access."),
            404, new Words("the image service does not know this model or endpoint%s",
                    "Check the model id; an operator should check OPENAI_BASE_URL."),
            413, new Words("the request is too large for the image service%s", "Shorten the prompt or use a smaller base image."),
            422, new Words("the image service could not process the request%s", "Check the brief's fields against the model."));
    private static final Words OTHER_STATUS = new Words("the image service refused the request%s",
            "Check the brief; an operator can read the detail of this error report.");

    /** Transient faults by HTTP status; 5xx are all "on its side". */
    private static final Map<Integer, String> TRANSIENT_WHAT = Map.of(
            408, "the image service gave up waiting for the request%s",
            409, "the image service reported a conflict%s",
            429, "the image service said there were too many requests%s");
    private static final String RETRIED = "It is tried again by itself.";

    public static FaultClass of(Throwable failure) {
        if (failure instanceof ProviderHttpException http) {
            String detail = Detail.scrub(http.getMessage() + (http.requestId() == null ? "" : " (request " + http.requestId() + ")"));
            String said = said(http.providerMessage());
            if (TRANSIENT_STATUS.contains(http.status()) && !"insufficient_quota".equals(http.code())
                    || http.status() >= 500) {
                String what = TRANSIENT_WHAT.getOrDefault(http.status(), "the image service had a problem on its side%s");
                return new FaultClass(true, what.formatted(said), RETRIED, detail);
            }
            Words words = http.code() == null ? null : BY_CODE.get(http.code());
            if (words == null) {
                words = BY_STATUS.getOrDefault(http.status(), OTHER_STATUS);
            }
            return new FaultClass(false, words.what().replace("%s", said), words.advice(), detail);
        }
        if (failure instanceof MalformedReplyException) {
            return new FaultClass(true, "the image service sent a reply that could not be read (cut off or broken)", RETRIED, Detail.of(failure));
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return new FaultClass(true, "the image service did not answer in time", RETRIED, Detail.of(failure));
        }
        if (failure instanceof IOException) {
            return new FaultClass(true, "the connection to the image service broke off or could not be made", RETRIED, Detail.of(failure));
        }
        return new FaultClass(false, "something unexpected went wrong while calling the image service",
                "An operator should look at the detail and the log; replaying the brief may work.", Detail.of(failure));
    }

    /** The sentence for the brief's writer: what happened and what to do. */
    public String reason() {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + ". " + advice;
    }

    /** The sentence when the fault was transient but the attempts ran out. */
    public String gaveUp(int attempts) {
        return "The image service kept failing, so brief2image gave up after " + attempts + " attempts. The last time, " + what
                + ". Replay the brief later; if it keeps failing, an operator can read the detail of this error report.";
    }

    /** The provider's own words, quoted, as the end of the "what" clause; nothing when it said nothing. */
    private static String said(String providerMessage) {
        String text = providerMessage == null ? "" : providerMessage.strip().replace('"', '\'');
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return "";
        }
        return " (it said: \"" + (text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE - 1) + "…" : text) + "\")";
    }
}
