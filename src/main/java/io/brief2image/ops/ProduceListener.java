package io.brief2image.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConsumer;
import org.springframework.jms.listener.AbstractMessageListenerContainer;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/** What the JMS listener container of the produce route says about its consumers. */
public final class ProduceListener {

    static final String ROUTE = "produce";

    private ProduceListener() {
    }

    /**
     * True when the container runs and holds at least one consumer registered on queue briefs
     * (with CACHE_CONSUMER a consumer stays registered while it waits; it is dropped when its
     * session fails and counted again once the container has recovered).
     */
    public static boolean attached(CamelContext context) {
        Route route = context.getRoute(ROUTE);
        // asked only once started: before that, getListenerContainer() would create the container
        if (route == null || !(route.getConsumer() instanceof JmsConsumer consumer) || !consumer.isStarted()) {
            return false;
        }
        try {
            AbstractMessageListenerContainer container = consumer.getListenerContainer();
            return container instanceof DefaultMessageListenerContainer dmlc && dmlc.isRunning() && dmlc.isRegisteredWithDestination();
        } catch (Exception e) {
            return false;
        }
    }
}
