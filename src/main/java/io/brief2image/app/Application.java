package io.brief2image.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Camel Main of brief2image from the resolved settings: the YAML routes (a routes/ folder
 * in the working directory wins over the copy in the jar), the bean configurations, and a check that
 * every bean an operator's routes name is bound.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    /** @param set the --set pairs, full keys (brief2image.… or camel.…) */
    public static Main create(Map<String, String> set) {
        return create(SettingValues.ofProcess(set));
    }

    public static Main create(SettingValues values) {
        Settings settings = Settings.from(values);
        values.unknown().forEach(key -> LOG.warn("--set {}: not a brief2image setting (see --help); only routes that name it see it", key));
        createFolders(settings.folders());
        String routes = PackagedRoutes.location();
        Main main = routes.startsWith("classpath:") ? new PackagedRoutesMain() : new Main();
        // the guidelines' world data is read once the service is ready (or failed to start), not during its start
        java.util.concurrent.CompletableFuture<Void> started = new java.util.concurrent.CompletableFuture<>();
        io.brief2image.guidelines.policy.WorldData.holdUntil(started);
        main.configure().withRoutesIncludePattern(routes);
        PipelineBeans pipeline = new PipelineBeans(settings, main::getCamelContext);
        // opens on a thread of its own while the rest starts (its start waits for it before the routes)
        pipeline.openStoreEarly();
        BrokerBeans broker = new BrokerBeans(settings, main::getCamelContext);
        ProviderBeans providers = new ProviderBeans(settings, main::getCamelContext, pipeline);
        main.configure().addConfiguration(pipeline);
        main.configure().addConfiguration(broker);
        main.configure().addConfiguration(providers);
        main.configure().addConfiguration(new HttpServerVertx());
        main.configure().addConfiguration(new OperatorBeans(settings, main::getCamelContext, pipeline, providers, broker));
        // last: every configuration has bound its beans by now
        main.configure().addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                context.getManagementStrategy().addEventNotifier(new StartedNotifier(started));
                String routesAt = main.configure().getRoutesIncludePattern();
                if (!PackagedRoutes.isShipped(routesAt)) {
                    RouteRefs.check(context, routesAt);
                }
            }
        });
        values.asProperties().forEach(main::addOverrideProperty);
        values.extra().forEach(main::addOverrideProperty);
        // the routes name queues by placeholder; the names are constants, so no setting can change them
        io.brief2image.base.Queues.routeProperties().forEach(main::addOverrideProperty);
        main.addOverrideProperty("brief2image.consumers", String.valueOf(settings.limits().consumers()));
        LOG.info("brief2image: {}", settings);
        return main;
    }

    /**
     * Camel Main parses every YAML route file twice: once early ("modeline" pre-parse) to find
     * {@code beans:} sections and modeline properties that could change the bootstrap, then again to
     * load the routes. The packaged routes have neither (RouteRefs binds every bean in code), so the
     * early parse is skipped for them (~0.1 s of the main thread); routes an operator puts in a
     * routes/ folder get Camel's full treatment, since they may declare beans.
     */
    static final class PackagedRoutesMain extends Main {
        @Override
        protected void modelineRoutes(CamelContext camelContext) {
            // nothing to pre-parse in the packaged routes
        }
    }

    /**
     * Completes {@code ready} a second after the briefs' JMS consumers are attached once the context has
     * started (what readiness waits for last; at most {@value #LONGEST_READY_WAIT_MS} ms after the start), or when
     * the start failed or the context stops.
     */
    private static final class StartedNotifier extends org.apache.camel.support.SimpleEventNotifierSupport {
        private static final long LONGEST_READY_WAIT_MS = 5_000;
        private static final long AFTER_READY_MS = 1_000;
        private final java.util.concurrent.CompletableFuture<Void> ready;

        StartedNotifier(java.util.concurrent.CompletableFuture<Void> ready) {
            this.ready = ready;
            setIgnoreExchangeEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public void notify(org.apache.camel.spi.CamelEvent event) {
            if (event instanceof org.apache.camel.spi.CamelEvent.CamelContextStartedEvent started) {
                CamelContext context = started.getContext();
                Thread waiting = new Thread(() -> {
                    long until = System.currentTimeMillis() + LONGEST_READY_WAIT_MS;
                    try {
                        while (!io.brief2image.ops.ProduceListener.attached(context) && System.currentTimeMillis() < until
                                && !ready.isDone()) {
                            Thread.sleep(50);
                        }
                        // a health probe sees UP meanwhile; a brief taken sooner ends the hold itself (WorldData.neededNow)
                        Thread.sleep(AFTER_READY_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        // cannot tell: release it now
                    }
                    ready.complete(null);
                }, "brief2image-ready-wait");
                waiting.setDaemon(true);
                waiting.start();
            } else if (event instanceof org.apache.camel.spi.CamelEvent.CamelContextStartupFailureEvent
                    || event instanceof org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent) {
                ready.complete(null);
            }
        }
    }

    private static void createFolders(Settings.Folders folders) {
        for (Path dir : folders.all().values()) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create folder " + dir.toAbsolutePath(), e);
            }
        }
    }
}
