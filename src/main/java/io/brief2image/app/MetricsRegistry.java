package io.brief2image.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The Prometheus registry shared by Camel's route metrics and the pipeline's own, so one scrape of
 * /observe/metrics shows both. Bound early so camel-micrometer-prometheus finds and uses it.
 */
final class MetricsRegistry {

    private MetricsRegistry() {
    }

    static MeterRegistry of(CamelContext context) {
        MeterRegistry existing = context.getRegistry().findSingleByType(PrometheusMeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind("prometheusMeterRegistry", registry);
        return registry;
    }
}
