package io.brief2image.http;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * The settings of the HttpClient behind {@link ProviderHttp}: those of Camel's http and https
 * components, which are set alike here so a provider behaves the same over TLS as in a local test.
 */
public final class ProviderConnections {

    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    private ProviderConnections() {
    }

    /**
     * Image models can take minutes; a call waits as long as the setting says. The pools allow
     * every request the gate lets through a connection of its own: with camel-http's default of
     * 20 per host, a concurrency above 20 would leave the rest waiting for a connection. HttpClient's
     * own retries are off: {@link RetryPolicy} is the only layer that tries a call again (HttpClient
     * would otherwise repeat a 429 or 503 once by itself, unseen by the pacing and the attempt count).
     *
     * @param sent told when a request really goes out: when its body is written, which is after the
     *     connection is made (a new connection takes tens of ms, the first of a run more)
     */
    public static void configure(CamelContext context, int timeoutSeconds, int concurrency, Runnable sent) {
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent component = context.getComponent(scheme, HttpComponent.class);
            component.setAutomaticRetriesDisabled(true);
            component.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            // a request waits for a pooled connection rather than fail: the gate bounds how many go at once
            component.setConnectionRequestTimeout(0);
            component.setSoTimeout(timeoutSeconds * 1000L);
            component.setResponseTimeout(timeoutSeconds * 1000L);
            // two per slot: chat (expansion) and image calls may go to the same host at once
            component.setConnectionsPerRoute(Math.max(20, 2 * concurrency));
            component.setMaxTotalConnections(Math.max(200, 4 * concurrency));
            component.setHttpClientConfigurer(builder -> builder.addRequestInterceptorLast((request, entity, httpContext) -> {
                if (request instanceof ClassicHttpRequest classic && classic.getEntity() != null) {
                    classic.setEntity(new HttpEntityWrapper(classic.getEntity()) {
                        @Override
                        public void writeTo(OutputStream out) throws IOException {
                            sent.run();
                            super.writeTo(out);
                        }
                    });
                } else {
                    sent.run();
                }
            }));
        }
    }
}
