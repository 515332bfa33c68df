package io.brief2image.ops.web;

import io.brief2image.ops.OutboxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.camel.Exchange;

/** GET /files/{briefId}/{file}: an image or sidecar from the outbox, and nothing else. */
public final class FilesApi {

    private final OutboxFiles files;

    public FilesApi(OutboxFiles files) {
        this.files = files;
    }

    public void serve(Exchange exchange) {
        Optional<OutboxFiles.Found> found = files.find(RequestInfo.text(exchange, "briefId"), RequestInfo.text(exchange, "file"));
        if (found.isEmpty()) {
            HttpReply.error(exchange, 404, "no such file");
            return;
        }
        try {
            HttpReply.body(exchange, 200, found.get().contentType(), Files.readAllBytes(found.get().file()));
            exchange.getMessage().setHeader("Cache-Control", "private, max-age=300");
        } catch (IOException e) {
            HttpReply.error(exchange, 404, "no such file");
        }
    }
}
