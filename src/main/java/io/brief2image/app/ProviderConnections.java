package io.brief2image.app;

import io.brief2image.render.ProviderGate;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/** How the http and https components reach providers: how long they wait, how many connections, when a request counts as sent. */
final class ProviderConnections {

    private ProviderConnections() {
    }

    static void configure(CamelContext context, Settings.Limits limits, ProviderGate gate) {
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent component = context.getComponent(scheme, HttpComponent.class);
            // image models can take minutes: the components wait as long as the setting says
            component.setSoTimeout(limits.requestTimeoutSeconds() * 1000L);
            component.setResponseTimeout(limits.requestTimeoutSeconds() * 1000L);
            // every request the gate lets through gets a connection of its own (camel-http's default is 20
            // per host), two per slot: chat (expansion) and image calls may go to the same host at once
            component.setConnectionsPerRoute(Math.max(20, 2 * limits.concurrency()));
            component.setMaxTotalConnections(Math.max(200, 4 * limits.concurrency()));
            paceOnTheWire(component, gate);
        }
    }

    /**
     * Tells the gate when an image request really goes out, so pacing holds from the first request
     * on: when its body is written, which is after the connection is made (a new connection takes
     * tens of ms, the first of a run more).
     */
    private static void paceOnTheWire(HttpComponent component, ProviderGate gate) {
        component.setHttpClientConfigurer(builder -> builder.addRequestInterceptorLast((request, entity, httpContext) -> {
            if (request instanceof ClassicHttpRequest classic && classic.getEntity() != null) {
                classic.setEntity(new HttpEntityWrapper(classic.getEntity()) {
                    @Override
                    public void writeTo(OutputStream out) throws IOException {
                        gate.sent();
                        super.writeTo(out);
                    }
                });
            } else {
                gate.sent();
            }
        }));
    }
}
