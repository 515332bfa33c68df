package io.brief2image.brief;

import java.util.Map;

/**
 * The JMS properties that travel with a brief on queue {@code briefs}. The body is always the
 * original text, so a dead letter can give back exactly what was sent.
 */
public record Envelope(BriefFormat format, String channel, String sourceName, String defaultId) {

    public static final String FORMAT = "b2i_format";
    public static final String CHANNEL = "b2i_channel";
    public static final String SOURCE_NAME = "b2i_source_name";
    public static final String DEFAULT_ID = "b2i_default_id";

    public Map<String, Object> headers() {
        return Map.of(FORMAT, format.ext(), CHANNEL, channel, SOURCE_NAME, sourceName, DEFAULT_ID, defaultId);
    }

    /** Reads the envelope; a message posted by an upstream system has none and is a JMS JSON brief. */
    public static Envelope of(Map<String, Object> headers) {
        Object format = headers.get(FORMAT);
        if (format == null) {
            Object messageId = headers.get("JMSMessageID");
            String id = SafeId.makeSafe(messageId == null ? "jms-brief" : messageId.toString());
            return new Envelope(BriefFormat.JSON, "jms", null, id);
        }
        return new Envelope(BriefFormat.valueOf(format.toString().toUpperCase(java.util.Locale.ROOT)),
                String.valueOf(headers.getOrDefault(CHANNEL, "file")),
                (String) headers.get(SOURCE_NAME), (String) headers.get(DEFAULT_ID));
    }
}
