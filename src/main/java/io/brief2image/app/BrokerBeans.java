package io.brief2image.app;

import io.brief2image.broker.EmbeddedBroker;
import io.brief2image.ops.QueueDepth;
import java.util.function.Supplier;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/** The broker: the embedded one (unless broker-url names another), Camel's jms component and the connections. */
public final class BrokerBeans extends OnceBeans {

    BrokerBeans(Settings settings, Supplier<CamelContext> context) {
        super(settings, context);
    }

    /** The embedded broker, started before the routes so their consumers find it; null with an external one. */
    EmbeddedBroker embeddedBroker() {
        return once("embeddedBroker", () -> {
            if (!settings.broker().embedded()) {
                return null;
            }
            EmbeddedBroker embedded = new EmbeddedBroker(settings.folders().data(), settings.broker().listen());
            embedded.startEarly();
            try {
                context().addService(embedded, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot manage the embedded broker", e);
            }
            return embedded;
        });
    }

    /**
     * Health checks, queue depth and replay open and close connections of their own: closing a
     * connection borrowed from the consumers' pool can take the consumers' connection down with it.
     */
    @BindToRegistry
    public ActiveMQConnectionFactory connectionFactory() {
        return once("connectionFactory", () -> {
            ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(
                    embeddedBroker() != null ? EmbeddedBroker.vmUrl() : settings.broker().url());
            // a brief takes seconds: each consumer holds one, not ActiveMQ's default of 1,000, so the last
            // briefs are not stuck behind a busy consumer while others idle, and several instances on one
            // external broker share the queue instead of the first one taking it all
            broker.getPrefetchPolicy().setQueuePrefetch(1);
            return broker;
        });
    }

    /** Camel's jms component, on a pool only its consumers and producers use. */
    @BindToRegistry
    public JmsComponent jms() {
        return once("jms", () -> {
            JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
            pool.setConnectionFactory(connectionFactory());
            pool.setMaxConnections(4);
            pool.setMaxSessionsPerConnection(Math.max(500, settings.limits().concurrency() * 8));
            return JmsComponent.jmsComponent(pool);
        });
    }

    @BindToRegistry
    public QueueDepth queueDepth() {
        return once("queueDepth", () -> new QueueDepth(embeddedBroker(), connectionFactory()));
    }
}
