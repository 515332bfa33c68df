package io.brief2image.brief;

import io.brief2image.base.PipelineMetrics;
import io.brief2image.base.Queues;
import io.brief2image.base.Source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
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
    private final PipelineMetrics metrics;

    public BriefIntake(BriefValidator validator) {
        this(validator, PipelineMetrics.standalone());
    }

    public BriefIntake(BriefValidator validator, PipelineMetrics metrics) {
        this.validator = validator;
        this.metrics = metrics;
    }

    public Brief read(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        Envelope envelope = Envelope.of(exchange.getMessage().getHeaders());
        exchange.setProperty(BRIEF_ID, envelope.defaultId());
        Source source = sourceOf(envelope, exchange, envelope.defaultId());
        exchange.setProperty(SOURCE, source);
        ObjectNode json = inRow(envelope, () -> reader.read(text == null ? "" : text, envelope.format()));
        if (json.path("id").isTextual() && SafeId.isValid(json.path("id").asText())) {
            exchange.setProperty(BRIEF_ID, json.path("id").asText());
            source = sourceOf(envelope, exchange, json.path("id").asText());
            exchange.setProperty(SOURCE, source);
        }
        Source validated = source;
        String priority = exchange.getMessage().getHeader(Priority.PROPERTY, String.class);
        Brief validatedBrief = inRow(envelope, () -> validator.validate(json, envelope, validated, priority));
        String madeNow = exchange.getMessage().getHeader(Priority.MADE_NOW, String.class);
        Brief brief = madeNow != null && validatedBrief.isBatch() ? validatedBrief.madeNow(madeNow) : validatedBrief;
        exchange.setProperty(BRIEF, brief);
        metrics.briefPriority(brief.priority().wire());
        return brief;
    }

    /** A spreadsheet row's reasons say which row they are about: "Brief row 2 of mixed.csv: …". */
    private static <T> T inRow(Envelope envelope, Supplier<T> step) {
        try {
            return step.get();
        } catch (BriefError e) {
            if (envelope.format() != BriefFormat.CSV || BriefFiles.rowOf(envelope.sourceName()).isEmpty()) {
                throw e;
            }
            throw new BriefError(e.field(), BriefFiles.rowOf(envelope.sourceName()).get() + ": " + e.reason(), e.detail());
        }
    }

    private static Source sourceOf(Envelope envelope, Exchange exchange, String id) {
        String messageId = exchange.getMessage().getHeader("JMSMessageID", String.class);
        if ("jms".equals(envelope.channel())) {
            return new Source("jms", envelope.sourceName() != null ? envelope.sourceName() : id + ".json", Queues.BRIEFS, messageId,
                    envelope.format().ext());
        }
        return new Source(envelope.channel(), envelope.sourceName(), null, messageId, envelope.format().ext());
    }
}
