package io.brief2image.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class ConsumersHealthCheckTest {

    long now = 1_000_000;
    ConsumersHealthCheck.State state = new ConsumersHealthCheck.State(false, false, 0, false);

    ConsumersHealthCheck check() {
        ConsumersHealthCheck check = new ConsumersHealthCheck(() -> state, Duration.ofSeconds(120), () -> now);
        check.setCamelContext(new DefaultCamelContext());
        return check;
    }

    HealthCheck.Result readiness(ConsumersHealthCheck check) {
        return check.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS));
    }

    HealthCheck.Result liveness(ConsumersHealthCheck check) {
        return check.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.LIVENESS));
    }

    @Test
    void notReadyUntilTheConsumersAreAttachedAndTheInboxRuns() {
        ConsumersHealthCheck check = check();
        assertThat(readiness(check).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(readiness(check).getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("no JMS consumer is attached to queue briefs").contains("the inbox route is not running"));
        assertThat(liveness(check).getState()).as("starting is not dead").isEqualTo(HealthCheck.State.UP);

        state = new ConsumersHealthCheck.State(false, true, 0, true);
        assertThat(readiness(check).getState()).as("the broker does not count the consumer yet").isEqualTo(HealthCheck.State.DOWN);
        state = new ConsumersHealthCheck.State(false, true, 10, false);
        assertThat(readiness(check).getState()).isEqualTo(HealthCheck.State.DOWN);
        state = new ConsumersHealthCheck.State(false, true, 10, true);
        assertThat(readiness(check).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(liveness(check).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void consumersThatStayDetachedPastTheBoundMakeLivenessDownWithTheReason() {
        ConsumersHealthCheck check = check();
        state = new ConsumersHealthCheck.State(false, true, 10, true);
        assertThat(liveness(check).getState()).isEqualTo(HealthCheck.State.UP);

        state = new ConsumersHealthCheck.State(false, false, 0, true);
        now += 119_000;
        assertThat(readiness(check).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(liveness(check).getState()).as("still within the bound to recover").isEqualTo(HealthCheck.State.UP);
        now += 2_000;
        HealthCheck.Result dead = liveness(check);
        assertThat(dead.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(dead.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("no JMS consumer is attached to queue briefs for 121 s").contains("restart the service"));

        state = new ConsumersHealthCheck.State(false, true, 10, true);
        assertThat(liveness(check).getState()).as("recovered").isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aBudgetPauseDetachesTheConsumersWithoutBeingAFault() {
        ConsumersHealthCheck check = check();
        state = new ConsumersHealthCheck.State(true, false, 0, true);
        now += 600_000;
        assertThat(readiness(check).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(liveness(check).getState()).isEqualTo(HealthCheck.State.UP);
    }
}
