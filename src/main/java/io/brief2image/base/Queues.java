package io.brief2image.base;

import java.util.Map;

/**
 * The queue names, the one place they are spelled. Java code uses the constants; the YAML routes
 * use the placeholders of {@link #routeProperties()} (e.g. {@code jms:queue:{{brief2image.queue.briefs}}}),
 * which app.Application sets from these constants. They are names, not settings: the service,
 * {@code submit}, {@code replay} and the status page must all agree on them.
 */
public final class Queues {

    /** Briefs waiting to be made, from the inbox, {@code submit} or any JMS client. */
    public static final String BRIEFS = "briefs";
    /** JMS briefs that failed, with the reason in b2i_error_* properties; {@code replay} moves them back. */
    public static final String BRIEFS_DLQ = "briefs.DLQ";
    /** Result events, done or failed (they expire after brief2image.result-ttl-hours). */
    public static final String IMAGES = "images";

    private Queues() {
    }

    /** The Camel endpoint of a queue. */
    public static String jms(String queue) {
        return "jms:queue:" + queue;
    }

    /** The property placeholders the YAML routes name queues by. */
    public static Map<String, String> routeProperties() {
        return Map.of("brief2image.queue.briefs", BRIEFS, "brief2image.queue.briefs-dlq", BRIEFS_DLQ,
                "brief2image.queue.images", IMAGES);
    }
}
