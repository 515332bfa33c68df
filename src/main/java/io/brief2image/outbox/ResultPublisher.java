package io.brief2image.outbox;

import io.brief2image.base.Queues;
import io.brief2image.base.BriefResult;
import io.brief2image.base.Json;
import io.brief2image.base.Sidecar;

import io.brief2image.brief.Brief;
import io.brief2image.brief.BriefIntake;
import io.brief2image.dedupe.DuplicateGate;
import io.brief2image.dedupe.Ledger;
import io.brief2image.base.PipelineMetrics;
import io.brief2image.base.Progress;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every brief, done or failed: records it, counts it, logs one line, and sends the
 * result event to queue images and to the JMSReplyTo of the brief's message.
 */
public final class ResultPublisher {

    private static final Logger LOG = LoggerFactory.getLogger("brief2image.outcome");
    /** Replies go to the same endpoint: its destination is replaced by the message's JMSReplyTo. */
    private final String events;

    private final Ledger ledger;
    private final PipelineMetrics metrics;
    private final Progress progress;
    private final ProducerTemplate template;

    public ResultPublisher(Ledger ledger, PipelineMetrics metrics, Progress progress, ProducerTemplate template, long resultTtlHours) {
        // unread result events expire instead of filling the broker's store
        this.events = Queues.jms(Queues.IMAGES) + (resultTtlHours > 0 ? "?timeToLive=" + resultTtlHours * 3_600_000L : "");
        this.ledger = ledger;
        this.metrics = metrics;
        this.progress = progress;
        this.template = template;
    }

    public BriefResult done(Exchange exchange) {
        BriefResult result = exchange.getMessage().getBody(BriefResult.class);
        Brief brief = exchange.getProperty(BriefIntake.BRIEF, Brief.class);
        boolean duplicate = exchange.getProperty(DuplicateGate.DUPLICATE, false, Boolean.class);
        if (!duplicate) {
            ledger.record(brief, result);
            result.images().forEach(image -> metrics.imageRendered(image.model(), image.provider(), image.costUsd()));
        }
        metrics.briefOutcome("done", null);
        progress.finished(true, result.images().size());
        long millis = System.currentTimeMillis() - exchange.getClock().getCreated();
        double cost = result.images().stream().mapToDouble(Sidecar::costUsd).sum();
        int attempts = result.images().stream().mapToInt(Sidecar::attempts).max().orElse(0);
        LOG.info("brief {} {}: {} images, {} attempts, {} ms, ${}", result.briefId(), duplicate ? "already done (duplicate, not rendered again)" : "done",
                result.images().size(), attempts, millis, String.format("%.4f", cost));
        send(exchange, result);
        return result;
    }

    public void failed(Exchange exchange, BriefResult result) {
        metrics.briefOutcome("failed", result.stage());
        progress.finished(false, 0);
        long millis = System.currentTimeMillis() - exchange.getClock().getCreated();
        LOG.warn("brief {} failed at {} after {} ms: {}{}", result.briefId(), result.stage(), millis, result.reason(),
                result.detail() == null ? "" : " [detail: " + result.detail() + "]");
        send(exchange, result);
    }

    private void send(Exchange exchange, BriefResult result) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Exchange event = template.send(events, ExchangePattern.InOnly, out -> {
            out.getIn().setBody(json);
            out.getIn().setHeader("b2i_brief_id", result.briefId());
            out.getIn().setHeader("b2i_status", result.status());
        });
        if (event.getException() != null) {
            LOG.warn("brief {}: the result event could not be sent to queue images: {}", result.briefId(), event.getException().getMessage());
        }
        Object replyTo = exchange.getMessage().getHeader("JMSReplyTo");
        if (replyTo != null) {
            Object correlation = exchange.getMessage().getHeader("JMSCorrelationID");
            Object messageId = exchange.getMessage().getHeader("JMSMessageID");
            Exchange sent = template.send(events, ExchangePattern.InOnly, out -> {
                out.getIn().setBody(json);
                out.getIn().setHeaders(Map.of("CamelJmsDestination", replyTo,
                        "JMSCorrelationID", correlation != null ? correlation : messageId,
                        "b2i_brief_id", result.briefId(), "b2i_status", result.status()));
            });
            if (sent.getException() != null) {
                LOG.warn("brief {}: the reply to {} could not be sent: {}", result.briefId(), replyTo, sent.getException().getMessage());
            }
        }
    }
}
