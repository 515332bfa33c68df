package io.brief2image.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Levels by logger name prefix: the shipped table, then -Dbrief2image.log-levels, then BRIEF2IMAGE_LOG_LEVELS. */
class LogLevelsTest {

    private final ByteArrayOutputStream problems = new ByteArrayOutputStream();

    private LogLevels levels(String systemProperty, String environment) {
        return LogLevels.of(systemProperty, environment, new PrintStream(problems, true, StandardCharsets.UTF_8));
    }

    @Test
    void theShippedTableQuietsTheChattyLibrariesAndLeavesEverythingElseAtInfo() {
        LogLevels shipped = levels(null, null);
        assertThat(shipped.thresholdOf("org.apache.activemq.broker.BrokerService")).isEqualTo(30);
        assertThat(shipped.thresholdOf("org.apache.camel.main.MainSupport")).isEqualTo(30);
        assertThat(shipped.thresholdOf("org.apache.camel.impl.engine.AbstractCamelContext")).isEqualTo(30);
        assertThat(shipped.thresholdOf("org.apache.hc.client5.http.impl.classic.InternalHttpClient")).isEqualTo(30);
        assertThat(shipped.thresholdOf("org.springframework.jms.listener.DefaultMessageListenerContainer")).isEqualTo(30);
        assertThat(shipped.thresholdOf("org.apache.camel.component.file.FileConsumer")).isEqualTo(20);
        assertThat(shipped.thresholdOf("io.brief2image.app.Application")).isEqualTo(20);
        assertThat(shipped.thresholdOf("probe")).isEqualTo(20);
        // a prefix counts only up to a dot: org.apache.hcx is not org.apache.hc
        assertThat(shipped.thresholdOf("org.apache.hcx.Other")).isEqualTo(20);
        assertThat(problems.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theEnvironmentOverridesTheSystemPropertyWhichOverridesTheTable() {
        LogLevels overridden = levels("io.brief2image=DEBUG, org.apache.camel.main=info", "io.brief2image.store=trace,root=ERROR");
        assertThat(overridden.thresholdOf("io.brief2image.app.Application")).isEqualTo(10);
        assertThat(overridden.thresholdOf("io.brief2image.store.StoreAccess")).isEqualTo(0);
        assertThat(overridden.thresholdOf("org.apache.camel.main.MainSupport")).isEqualTo(20);
        assertThat(overridden.thresholdOf("com.zaxxer.hikari.HikariDataSource")).isEqualTo(40);
        assertThat(levels(null, "org.apache.activemq=OFF").thresholdOf("org.apache.activemq.broker.BrokerService"))
                .isEqualTo(LogLevels.OFF);
        assertThat(levels("io.brief2image=DEBUG", "io.brief2image=WARN").thresholdOf("io.brief2image.x")).isEqualTo(30);
    }

    @Test
    void aBadEntryIsNamedWithWhatToWriteAndTheOthersStillApply() {
        LogLevels overridden = levels(null, "io.brief2image=LOUD,org.apache.camel,=INFO,io.brief2image.store=DEBUG");
        assertThat(overridden.thresholdOf("io.brief2image.app.Application")).isEqualTo(20);
        assertThat(overridden.thresholdOf("io.brief2image.store.StoreAccess")).isEqualTo(10);
        String said = problems.toString(StandardCharsets.UTF_8);
        assertThat(said.lines()).hasSize(3);
        assertThat(said).contains("BRIEF2IMAGE_LOG_LEVELS: 'io.brief2image=LOUD' is not logger=LEVEL")
                .contains("'org.apache.camel'").contains("'=INFO'").contains("TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }
}
