package io.brief2image.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The Prometheus registry shared by Camel's route metrics and the pipeline's own, so one scrape of
 * /observe/metrics shows both. Bound early so camel-micrometer-prometheus finds and uses it.
 * The JVM memory, thread and processor meters are bound here in code: naming them in
 * {@code camel.metrics.binders} made Camel read a Jandex index of every binder at start to find them.
 */
final class MetricsRegistry {

    private MetricsRegistry() {
    }

    /**
     * The shared registry, with the JVM meters bound to it; called once, by the pipeline's metrics bean.
     * Every meter carries the tag {@code instance} (instance-id), so one dashboard over a fleet's scrapes
     * tells the instances apart.
     */
    static MeterRegistry of(CamelContext context, String instance) {
        MeterRegistry registry = context.getRegistry().findSingleByType(PrometheusMeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("prometheusMeterRegistry", registry);
        }
        registry.config().commonTags("instance", instance);
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        return registry;
    }
}
