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
        BriefFormat known = BriefFormat.ofFileName("." + format).orElse(null);
        Envelope envelope = new Envelope(known == null ? BriefFormat.JSON : known, String.valueOf(headers.getOrDefault(CHANNEL, "file")),
                (String) headers.get(SOURCE_NAME), (String) headers.get(DEFAULT_ID));
        if (known == null) {
            throw new UnknownFormat(envelope, format.toString());
        }
        return envelope;
    }

    /** Like {@link #of}, but a message in an unknown format is taken as JSON (to give it back as a dead letter). */
    public static Envelope orJson(Map<String, Object> headers) {
        try {
            return of(headers);
        } catch (UnknownFormat e) {
            return e.envelope;
        }
    }

    /** A message whose b2i_format names no format brief2image reads. */
    static final class UnknownFormat extends BriefError {
        private final transient Envelope envelope;

        UnknownFormat(Envelope envelope, String format) {
            super("b2i_format", "The message says its brief is in the format '" + format + "', which brief2image does not read:"
                    + " send JSON, plain text or CSV (b2i_format json, txt or csv).");
            this.envelope = envelope;
        }
    }
}
