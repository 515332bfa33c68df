package io.brief2image.ops.health;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/** UP when a JMS connection to the broker can be opened. */
public final class BrokerHealthCheck extends ReadinessCheck {

    private final ConnectionFactory connections;
    private final String kind;

    /** @param kind "embedded" or "external": the broker URL itself may carry credentials and is never shown */
    public BrokerHealthCheck(ConnectionFactory connections, String kind) {
        super("broker");
        this.connections = connections;
        this.kind = kind;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker", kind);
        try (Connection connection = connections.createConnection()) {
            connection.start();
            builder.message(kind + " broker connected").up();
        } catch (Exception e) {
            // the exception text can repeat the broker URL, user included: name only its type
            builder.message(kind + " broker unreachable (" + e.getClass().getSimpleName() + ")").down();
        }
    }
}
