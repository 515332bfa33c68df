package io.brief2image.brief;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/**
 * The first step on queue briefs: reads the original text by its format and validates it. The
 * brief's id is kept on the exchange so a dead letter can name it even when validation fails.
 */
public final class BriefIntake {

    public static final String BRIEF_ID = "b2iBriefId";
    public static final String BRIEF = "b2iBrief";
    public static final String SOURCE = "b2iSource";

    private final BriefReader reader = new BriefReader();
    private final BriefValidator validator;

    public BriefIntake(BriefValidator validator) {
        this.validator = validator;
    }

    public Brief read(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        Envelope envelope = Envelope.of(exchange.getMessage().getHeaders());
        exchange.setProperty(BRIEF_ID, envelope.defaultId());
        Source source = sourceOf(envelope, exchange, envelope.defaultId());
        exchange.setProperty(SOURCE, source);
        ObjectNode json = reader.read(text == null ? "" : text, envelope.format());
        if (json.path("id").isTextual() && SafeId.isValid(json.path("id").asText())) {
            exchange.setProperty(BRIEF_ID, json.path("id").asText());
            source = sourceOf(envelope, exchange, json.path("id").asText());
            exchange.setProperty(SOURCE, source);
        }
        Brief brief = validator.validate(json, envelope, source);
        exchange.setProperty(BRIEF, brief);
        return brief;
    }

    private static Source sourceOf(Envelope envelope, Exchange exchange, String id) {
        String messageId = exchange.getMessage().getHeader("JMSMessageID", String.class);
        if ("jms".equals(envelope.channel())) {
            return new Source("jms", envelope.sourceName() != null ? envelope.sourceName() : id + ".json", "briefs", messageId,
                    envelope.format().ext());
        }
        return new Source(envelope.channel(), envelope.sourceName(), null, messageId, envelope.format().ext());
    }
}
