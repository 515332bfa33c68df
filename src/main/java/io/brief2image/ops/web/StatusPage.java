package io.brief2image.ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The status page's own files from the classpath (status/), served by a fixed list of names so no
 * request can reach any other resource.
 */
public final class StatusPage {

    private record Asset(String resource, String contentType) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "index.html", new Asset("status/index.html", "text/html; charset=utf-8"),
            "status.css", new Asset("status/status.css", "text/css; charset=utf-8"),
            "status.js", new Asset("status/status.js", "text/javascript; charset=utf-8"));

    /** Scripts and styles from this server only; images from this server only; nothing inline. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public void index(Exchange exchange) {
        send(exchange, "index.html");
    }

    public void asset(Exchange exchange) {
        send(exchange, RequestInfo.text(exchange, "asset"));
    }

    private void send(Exchange exchange, String name) {
        Asset asset = name == null ? null : ASSETS.get(name);
        if (asset == null) {
            HttpReply.error(exchange, 404, "no such file");
            return;
        }
        try (InputStream in = StatusPage.class.getClassLoader().getResourceAsStream(asset.resource())) {
            if (in == null) {
                HttpReply.error(exchange, 404, "no such file");
                return;
            }
            HttpReply.body(exchange, 200, asset.contentType(), in.readAllBytes());
            exchange.getMessage().setHeader("Content-Security-Policy", POLICY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
