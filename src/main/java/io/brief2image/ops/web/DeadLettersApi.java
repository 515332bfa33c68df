package io.brief2image.ops.web;

import io.brief2image.ops.DeadLetterFolder;
import org.apache.camel.Exchange;

/** GET /api/dead-letters: what failed and why, newest first. */
public final class DeadLettersApi {

    private static final int LIMIT = 200;

    private final DeadLetterFolder folder;

    public DeadLettersApi(DeadLetterFolder folder) {
        this.folder = folder;
    }

    public void list(Exchange exchange) {
        HttpReply.json(exchange, 200, folder.newest(LIMIT));
    }
}
