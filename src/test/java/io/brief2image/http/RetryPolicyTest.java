package io.brief2image.http;

import io.brief2image.render.ProviderCalls;
import io.brief2image.render.ProviderGate;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.base.PipelineMetrics;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    @ParameterizedTest
    @CsvSource({"408,true", "409,true", "429,true", "500,true", "502,true", "503,true", "504,true",
            "400,false", "401,false", "403,false", "404,false", "422,false"})
    void statusClasses(int status, boolean transientFault) {
        assertThat(FaultClass.of(new ProviderHttpException(status, null, "x", null, null, null)).transientFault()).isEqualTo(transientFault);
    }

    @Test
    void safetyRefusalSaysWhatToChange() {
        FaultClass fault = FaultClass.of(new ProviderHttpException(400, "moderation_blocked", "Rejected by the safety system.", null, null, null));
        assertThat(fault.transientFault()).isFalse();
        assertThat(fault.reason()).isEqualTo("The image service's safety system refused this prompt (it said: \"Rejected by the safety system\")."
                + " Rephrase the prompt and submit it again.");
    }

    @Test
    void ioFaultsAreTransient() {
        assertThat(FaultClass.of(new SocketTimeoutException("Read timed out")).transientFault()).isTrue();
        assertThat(FaultClass.of(new EOFException()).transientFault()).isTrue();
        assertThat(FaultClass.of(new MalformedReplyException("cut off")).transientFault()).isTrue();
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(ProviderHttp.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(ProviderHttp.retryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        String inThirty = ZonedDateTime.now().plusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(ProviderHttp.retryAfter(inThirty)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
        assertThat(ProviderHttp.retryAfter("soon")).isNull();
        assertThat(ProviderHttp.retryAfter(null)).isNull();
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterWins() {
        ProviderCalls calls = new ProviderCalls(new ProviderGate(1, 0), 6, 1000, PipelineMetrics.standalone());
        for (int attempt = 2; attempt <= 6; attempt++) {
            long ceiling = 1000L << (attempt - 2);
            assertThat(calls.delayBefore(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
        }
        assertThat(calls.delayBefore(2, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(calls.delayBefore(30, null).toMillis()).isLessThanOrEqualTo(60_000);
    }
}
