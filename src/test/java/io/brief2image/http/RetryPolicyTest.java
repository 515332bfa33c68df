package io.brief2image.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.base.ServiceStopping;
import java.io.EOFException;
import java.io.IOException;
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
        RetryPolicy calls = new RetryPolicy(6, 1000);
        for (int attempt = 2; attempt <= 6; attempt++) {
            long ceiling = 1000L << (attempt - 2);
            assertThat(calls.delayBefore(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
        }
        assertThat(calls.delayBefore(2, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(calls.delayBefore(30, null).toMillis()).isLessThanOrEqualTo(60_000);
    }

    @Test
    void quotaExhaustedIsPermanentEvenAs429() {
        assertThat(FaultClass.of(new ProviderHttpException(429, "insufficient_quota", "No credit", null, null, null)).transientFault()).isFalse();
    }

    @Test
    void chatNarrowingCapsTheWaitButKeepsTheBackoff() {
        RetryPolicy chat = new RetryPolicy(6, 1000).withAttempts(2).withWaitCap(Duration.ofSeconds(30));
        assertThat(chat.maxAttempts()).isEqualTo(2);
        assertThat(chat.delayBefore(2, null).toMillis()).isBetween(500L, 1000L);
        assertThat(chat.delayBefore(2, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(chat.delayBefore(2, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
        // image calls honour whatever Retry-After says
        assertThat(new RetryPolicy(6, 1000).delayBefore(2, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }

    /** Counts what the loop asks of its caller; transient when the failure is an IOException. */
    static final class Recorder implements RetryPolicy.Caller<IllegalStateException> {
        int retried;

        @Override
        public RetryPolicy.Verdict judge(Exception failure) {
            return failure instanceof IOException ? new RetryPolicy.Verdict(!(failure instanceof EOFException), null)
                    : failure instanceof IllegalArgumentException ? null : new RetryPolicy.Verdict(false, null);
        }

        @Override
        public IllegalStateException failed(Exception failure, int attempts, boolean gaveUp) {
            return new IllegalStateException((gaveUp ? "gave up after " : "permanent after ") + attempts);
        }

        @Override
        public void retrying(Exception failure, int attempt, Duration delay) {
            retried++;
        }

        @Override
        public IllegalStateException interrupted() {
            return new IllegalStateException("interrupted");
        }
    }

    @Test
    void transientFaultsAreRetriedUntilTheAttemptsRunOut() {
        Recorder caller = new Recorder();
        int[] calls = {0};
        assertThatThrownBy(() -> new RetryPolicy(3, 1).run(() -> {
            calls[0]++;
            throw new SocketTimeoutException("Read timed out");
        }, caller)).hasMessage("gave up after 3");
        assertThat(calls[0]).isEqualTo(3);
        assertThat(caller.retried).isEqualTo(2);
    }

    @Test
    void aTransientFaultThenSuccessCountsBothAttempts() throws Exception {
        int[] calls = {0};
        RetryPolicy.Attempted<String> done = new RetryPolicy(3, 1).run(() -> {
            if (calls[0]++ == 0) {
                throw new SocketTimeoutException("Read timed out");
            }
            return "image";
        }, new Recorder());
        assertThat(done.value()).isEqualTo("image");
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void permanentFaultsFailAtOnceAndOthersPassThrough() {
        Recorder caller = new Recorder();
        assertThatThrownBy(() -> new RetryPolicy(6, 1).run(() -> {
            throw new EOFException();
        }, caller)).hasMessage("permanent after 1");
        assertThatThrownBy(() -> new RetryPolicy(6, 1).run(() -> {
            throw new IllegalArgumentException("a bug");
        }, caller)).isInstanceOf(IllegalArgumentException.class).hasMessage("a bug");
        assertThatThrownBy(() -> new RetryPolicy(6, 1).run(() -> {
            throw new ServiceStopping("the image was being made");
        }, caller)).isInstanceOf(ServiceStopping.class);
        assertThat(caller.retried).isZero();
    }
}
