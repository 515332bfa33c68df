package io.brief2image.ops.health;

import io.brief2image.broker.EmbeddedBroker;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP when the broker can take messages. The embedded broker is asked in-process: a probe must
 * never open a connection over vm://, whose comings and goings during start once took the
 * consumers' connection down with them. An external broker is asked by opening a connection of
 * its own (never one of the consumers' pool).
 */
public final class BrokerHealthCheck extends ReadinessCheck {

    /** Says why the broker cannot be used, or null when it can. */
    private interface Probe {
        String problem();
    }

    private final Probe probe;
    private final String kind;

    private BrokerHealthCheck(String kind, Probe probe) {
        super("broker");
        this.kind = kind;
        this.probe = probe;
    }

    public static BrokerHealthCheck embedded(EmbeddedBroker broker) {
        return new BrokerHealthCheck("embedded", () -> broker.running() ? null : "starting or stopping");
    }

    /** The broker URL itself may carry credentials and is never shown. */
    public static BrokerHealthCheck external(ConnectionFactory connections) {
        return new BrokerHealthCheck("external", () -> {
            try (Connection connection = connections.createConnection()) {
                connection.start();
                return null;
            } catch (Exception e) {
                // the exception text can repeat the broker URL, user included: name only its type
                return "unreachable (" + e.getClass().getSimpleName() + ")";
            }
        });
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker", kind);
        String problem = probe.problem();
        if (problem == null) {
            builder.message(kind + " broker connected").up();
        } else {
            builder.message(kind + " broker " + problem).down();
        }
    }
}
