package io.brief2image.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class ConsumptionHealthCheckTest {

    long now = 1_000_000;
    long waiting;
    int working;
    long finished;
    boolean paused;

    ConsumptionHealthCheck check() {
        ConsumptionHealthCheck check = new ConsumptionHealthCheck(new ConsumptionHealthCheck.Signals() {
            public long waiting() {
                return waiting;
            }

            public int working() {
                return working;
            }

            public long finished() {
                return finished;
            }

            public boolean paused() {
                return paused;
            }
        }, Duration.ofSeconds(120), () -> now);
        check.setCamelContext(new DefaultCamelContext());
        return check;
    }

    HealthCheck.State state(ConsumptionHealthCheck check) {
        return check.call(Map.of()).getState();
    }

    @Test
    void briefsWaitingWithNothingTakenForTheWindowIsDown() {
        ConsumptionHealthCheck check = check();
        waiting = 200;
        assertThat(state(check)).isEqualTo(HealthCheck.State.UP);
        now += 119_000;
        assertThat(state(check)).isEqualTo(HealthCheck.State.UP);
        now += 2_000;
        assertThat(state(check)).isEqualTo(HealthCheck.State.DOWN);
        assertThat(check.call(Map.of()).getMessage()).hasValueSatisfying(m -> assertThat(m).contains("200 briefs wait"));
        finished = 1;
        assertThat(state(check)).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void longRendersAPausedBudgetOrAnEmptyQueueAreNotAStall() {
        ConsumptionHealthCheck check = check();
        waiting = 10;
        working = 8;
        now += 600_000;
        assertThat(state(check)).isEqualTo(HealthCheck.State.UP);
        working = 0;
        paused = true;
        now += 600_000;
        assertThat(state(check)).isEqualTo(HealthCheck.State.UP);
        paused = false;
        waiting = 0;
        now += 600_000;
        assertThat(state(check)).isEqualTo(HealthCheck.State.UP);
    }
}
