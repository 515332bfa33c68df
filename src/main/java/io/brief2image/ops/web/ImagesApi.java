package io.brief2image.ops.web;

import io.brief2image.ops.RecentImages;
import org.apache.camel.Exchange;

/** GET /api/images?limit=N: the gallery, newest first. */
public final class ImagesApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final RecentImages images;

    public ImagesApi(RecentImages images) {
        this.images = images;
    }

    public void images(Exchange exchange) {
        HttpReply.json(exchange, 200, images.newest(limitOf(RequestInfo.text(exchange, "limit"))));
    }

    static int limitOf(String requested) {
        try {
            return requested == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(requested.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }
}
