package io.brief2image.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Set;

/**
 * Which provider faults are worth another attempt, and what to tell a person about the others.
 * The tables follow OpenAI's SDKs (retry 408, 409, 429, 5xx) and error codes.
 */
public record FaultClass(boolean transientFault, String reason) {

    private static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 409, 429);

    /** Permanent faults by provider error code: what happened and what to change. */
    private static final Map<String, String> BY_CODE = Map.of(
            "moderation_blocked", "the safety system refused this prompt: %s. Rephrase the prompt and submit it again.",
            "content_policy_violation", "the safety system refused this prompt: %s. Rephrase the prompt and submit it again.",
            "unknown_parameter", "the provider does not accept a parameter for this model: %s. Remove that field from the brief or pick another model.",
            "invalid_api_key", "the provider refused the API key: %s. Check OPENAI_API_KEY.",
            "model_not_found", "the provider does not know this model: %s. Pick a model from the model table or check OPENAI_BASE_URL.",
            "billing_hard_limit_reached", "the provider account has reached its billing limit: %s. Raise the limit or wait.",
            "insufficient_quota", "the provider account has no quota left: %s. Add credit or wait.");

    /** Permanent faults by HTTP status when the code says nothing more specific. */
    private static final Map<Integer, String> BY_STATUS = Map.of(
            400, "the provider rejected the request as invalid: %s. Check the brief's fields against the model.",
            401, "the provider refused the API key (HTTP 401): %s. Check OPENAI_API_KEY.",
            403, "the API key may not use this model or endpoint (HTTP 403): %s. Check the account's access.",
            404, "the provider does not know this model or endpoint (HTTP 404): %s. Check the model id and OPENAI_BASE_URL.",
            413, "the request is too large for the provider: %s. Shorten the prompt or use a smaller base image.",
            422, "the provider could not process the request: %s.");

    public static FaultClass of(Throwable failure) {
        if (failure instanceof ProviderHttpException http) {
            String message = http.providerMessage();
            if (TRANSIENT_STATUS.contains(http.status()) && !"insufficient_quota".equals(http.code())
                    || http.status() >= 500) {
                return new FaultClass(true, "the provider answered HTTP " + http.status() + ": " + message);
            }
            String template = http.code() == null ? null : BY_CODE.get(http.code());
            if (template == null) {
                template = BY_STATUS.getOrDefault(http.status(), "the provider refused the request (HTTP " + http.status() + "): %s.");
            }
            return new FaultClass(false, String.format(template, trimPeriod(message)));
        }
        if (failure instanceof MalformedReplyException malformed) {
            return new FaultClass(true, malformed.getMessage());
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return new FaultClass(true, "the provider did not answer in time");
        }
        if (failure instanceof IOException io) {
            return new FaultClass(true, "the connection to the provider failed: " + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : " (" + io.getMessage() + ")"));
        }
        return new FaultClass(false, "an unexpected error happened while calling the provider: " + failure);
    }

    private static String trimPeriod(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
