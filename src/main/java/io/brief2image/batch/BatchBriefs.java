package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.admission.Budget;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.BriefResult;
import io.brief2image.base.Sidecar;
import io.brief2image.base.Json;
import io.brief2image.base.Queues;
import io.brief2image.brief.BriefIntake;
import io.brief2image.brief.Priority;
import io.brief2image.dedupe.DuplicateGate;
import io.brief2image.dedupe.Ledger;
import io.brief2image.expansion.RenderPlan;
import io.brief2image.render.RenderedBrief;
import io.brief2image.store.BatchRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a batch brief once every line of it is accounted for: all made → its images are published
 * through route batch-results (outbox, result event, JMS reply: the same steps as any brief); a line
 * failed → the images of the made lines are published all the same (they are paid for) and the brief
 * is a dead letter for the missing ones with that line's reason (the same route's error handler, through
 * outbox.MadeSoFar: replayed, it makes only the missing images); lines the batch never ran → as
 * {@code batch-on-expiry} says, the brief goes back to the briefs queue to be made now (the made
 * images published first, so only the missing ones are made and paid for again), or its lines into
 * the next batch. None is lost: the brief's state in the store
 * moves from waiting only once, after what it leads to is done.
 */
public final class BatchBriefs {

    private static final Logger LOG = LoggerFactory.getLogger(BatchBriefs.class);
    public static final String RENDERED = "b2iBatchRendered";
    public static final String FAILURE = "b2iBatchFailure";
    /** The made images of a brief whose other lines the batch never ran, published before the brief is made now. */
    private static final String KEEP = "b2iBatchKeep";

    /** What happens to the briefs of a batch that ended before their images were made. */
    public enum OnExpiry { NOW, BATCH }

    private final BatchRecords records;
    private final BatchImages images;
    private final Budget budget;
    private final Ledger ledger;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final OnExpiry onExpiry;
    private BatchCollector collector;

    public BatchBriefs(BatchRecords records, BatchImages images, Budget budget, Ledger ledger, CamelContext context, OnExpiry onExpiry) {
        this.records = records;
        this.images = images;
        this.budget = budget;
        this.ledger = ledger;
        this.context = context;
        this.template = context.createProducerTemplate();
        this.onExpiry = onExpiry;
    }

    /** Where lines go back into a batch (batch-on-expiry = batch). */
    public void collector(BatchCollector collector) {
        this.collector = collector;
    }

    void finish(String briefKey, BatchStatus status) throws IOException {
        BatchRecords.BriefRow brief = records.brief(briefKey).orElse(null);
        if (brief == null || !"waiting".equals(brief.state())) {
            return;
        }
        List<BatchRecords.LineRow> lines = records.linesOfBrief(briefKey);
        if (lines.stream().anyMatch(l -> "pending".equals(l.state())) || lines.stream().mapToInt(BatchRecords.LineRow::taskCount).sum() < brief.tasks()) {
            return; // some of its lines are still in a batch
        }
        QueueMessage message = QueueMessage.read(brief.message(), brief.headers());
        RenderPlan plan = PlanJson.read(brief.plan());
        List<Sidecar> earlier = ledger.madeBefore(plan.brief()).map(BriefResult::images).orElse(List.of());
        BatchRecords.LineRow failed = lines.stream().filter(l -> "failed".equals(l.state())).findFirst().orElse(null);
        if (failed != null) {
            // the made lines are paid for: published with the failure (outbox.MadeSoFar), the dead letter is the rest
            JsonNode result = Json.MAPPER.readTree(failed.result());
            RenderedBrief made = images.rendered(plan, made(lines), status, earlier);
            send(message, plan, FAILURE, new BriefFailure("batch", result.path("reason").asText("The image service could not make this image."),
                    "batch " + result.path("batch_id").asText() + ", line " + result.path("line").asText() + ", custom_id " + failed.customId()
                            + (result.hasNonNull("code") ? ", error " + result.path("code").asText() : "")), made);
            records.briefState(briefKey, "waiting", "failed");
            return;
        }
        List<BatchRecords.LineRow> unfinished = lines.stream().filter(l -> "unfinished".equals(l.state())).toList();
        if (!unfinished.isEmpty()) {
            again(brief, message, plan, lines, unfinished, status, earlier);
            return;
        }
        if (!images.present(lines)) {
            // published before a crash that came ahead of this record: not written twice
            records.briefState(briefKey, "waiting", "published");
            return;
        }
        send(message, plan, RENDERED, images.rendered(plan, lines, status, earlier), null);
        records.briefState(briefKey, "waiting", "published");
    }

    private static List<BatchRecords.LineRow> made(List<BatchRecords.LineRow> lines) {
        return lines.stream().filter(l -> "made".equals(l.state())).toList();
    }

    private void again(BatchRecords.BriefRow brief, QueueMessage message, RenderPlan plan, List<BatchRecords.LineRow> lines,
                       List<BatchRecords.LineRow> unfinished, BatchStatus status, List<Sidecar> earlier) throws IOException {
        if (onExpiry == OnExpiry.BATCH && collector != null) {
            Map<String, Set<String>> byFile = new HashMap<>();
            unfinished.forEach(l -> byFile.computeIfAbsent(l.fileKey(), k -> new HashSet<>()).add(l.customId()));
            for (Map.Entry<String, Set<String>> entry : byFile.entrySet()) {
                BatchRecords.FileRow file = records.file(entry.getKey()).orElseThrow();
                readd(file, entry.getValue());
            }
            LOG.info("brief {}: batch {} {} before its images were made; its {} lines go into the next batch", brief.briefId(), status.id(),
                    status.ending(), unfinished.size());
            return;
        }
        // made now: the brief again, as a new queue message; the batch's reservations of the lines it never ran are
        // given back, and the images it made are paid for: published first (a partial brief in the ledger), so the
        // brief made now makes only the missing ones
        RenderedBrief made = images.rendered(plan, made(lines), status, earlier);
        if (!made.images().isEmpty()) {
            send(message, plan, KEEP, made, made);
        }
        if (!records.briefState(brief.key(), "waiting", "resent")) {
            return;
        }
        // given back only by the one that moved the brief on: before it, a kill -9 between the two let the
        // restart give them back a second time, so the day counted less than was reserved
        for (BatchRecords.LineRow line : unfinished) {
            var reservation = Reservations.read(line.reservation());
            budget.adopt(reservation);
            budget.release(reservation);
        }
        ledger.abandon(plan.brief());
        Map<String, Object> headers = message.sendHeaders();
        headers.put(Priority.MADE_NOW, "its batch " + status.id() + " " + status.ending()
                + " before the image was made: it was made now, at the full price");
        template.sendBodyAndHeaders(Queues.jms(Queues.BRIEFS), message.body(), headers);
        LOG.info("brief {}: batch {} {} before its images were made; the brief is made now instead", brief.briefId(), status.id(), status.ending());
    }

    private void readd(BatchRecords.FileRow file, Set<String> customIds) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(Path.of(file.path()), StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null && !customIds.isEmpty()) {
                JsonNode line = Json.MAPPER.readTree(text);
                String customId = line.path("custom_id").asText();
                if (customIds.remove(customId)) {
                    collector.readd(file.endpoint(), customId, (ObjectNode) line.path("body"));
                }
            }
        }
    }

    private void send(QueueMessage message, RenderPlan plan, String property, Object value, RenderedBrief madeSoFar) {
        Exchange exchange = new DefaultExchange(context, ExchangePattern.InOnly);
        exchange.getIn().setBody(message.body());
        exchange.getIn().setHeaders(message.sendHeaders());
        exchange.setProperty(BriefIntake.BRIEF, plan.brief());
        exchange.setProperty(BriefIntake.BRIEF_ID, plan.brief().id());
        exchange.setProperty(BriefIntake.SOURCE, plan.brief().source());
        exchange.setProperty(DuplicateGate.CLAIMED, true);
        exchange.setProperty(DuplicateGate.DUPLICATE, false);
        exchange.setProperty(property, value);
        if (madeSoFar != null && madeSoFar.madeCount() > 0) {
            exchange.setProperty(RenderedBrief.MADE_SO_FAR, madeSoFar);
        }
        Exchange done = template.send(KEEP.equals(property) ? "direct:batch-keep" : "direct:batch-results", exchange);
        if (done.getException() != null) {
            throw new IllegalStateException("the result of brief " + plan.brief().id() + " could not be published: " + done.getException().getMessage(),
                    done.getException());
        }
    }

    /** Step of route batch-results: the images to publish, or the line's failure for the dead-letter handler. */
    public Object restore(Exchange exchange) {
        BriefFailure failure = exchange.getProperty(FAILURE, BriefFailure.class);
        if (failure != null) {
            throw failure;
        }
        return exchange.getProperty(RENDERED);
    }
}
