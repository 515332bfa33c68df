package io.brief2image.http;

import java.time.Duration;

/** A non-2xx reply from a provider, with OpenAI's error fields where the body had them. */
public class ProviderHttpException extends RuntimeException {

    private final int status;
    private final String code;
    private final String providerMessage;
    private final String param;
    private final Duration retryAfter;
    private final String requestId;

    public ProviderHttpException(int status, String code, String providerMessage, String param, Duration retryAfter, String requestId) {
        super("HTTP " + status + (code == null ? "" : " " + code) + ": " + providerMessage, null, false, false);
        this.status = status;
        this.code = code;
        this.providerMessage = providerMessage;
        this.param = param;
        this.retryAfter = retryAfter;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String providerMessage() {
        return providerMessage;
    }

    public String param() {
        return param;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public String requestId() {
        return requestId;
    }
}
