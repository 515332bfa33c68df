package io.brief2image.deadletter;

import io.brief2image.base.Queues;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.FaultKinds;

import io.brief2image.base.MessageHeaders;
import io.brief2image.brief.BriefIntake;
import io.brief2image.brief.Envelope;
import io.brief2image.base.Source;
import io.brief2image.dedupe.DuplicateGate;
import io.brief2image.base.AtomicFiles;
import io.brief2image.base.BriefResult;
import io.brief2image.base.PartialFiles;
import io.brief2image.outbox.MadeSoFar;
import io.brief2image.outbox.ResultPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;

/**
 * The dead-letter channel: the original bytes go to {@code failed/<source-name>} with an
 * {@code .error.json} beside them, JMS briefs also to queue briefs.DLQ, and a failed result event
 * goes out like any other.
 */
public final class DeadLetters {

    public static final String DLQ = Queues.jms(Queues.BRIEFS_DLQ);

    private final Path failedDir;
    private final PartialFiles partials;
    private final ResultPublisher results;
    private final DuplicateGate duplicates;
    private final MadeSoFar madeSoFar;
    private final ProducerTemplate template;
    private final Clock clock;

    public DeadLetters(Path failedDir, PartialFiles partials, ResultPublisher results, DuplicateGate duplicates, MadeSoFar madeSoFar,
                       ProducerTemplate template, Clock clock) {
        this.failedDir = failedDir;
        this.madeSoFar = madeSoFar;
        this.partials = partials;
        this.results = results;
        this.duplicates = duplicates;
        this.template = template;
        this.clock = clock;
        try {
            Files.createDirectories(failedDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + failedDir, e);
        }
    }

    /** A brief from queue briefs that failed at any stage; the message is the original one (useOriginalMessage). */
    public void fromPipeline(Exchange exchange) {
        // the images paid for before the failure are published first: the dead letter is only what is missing
        Optional<MadeSoFar.Kept> kept = madeSoFar.keep(exchange);
        BriefFailure failure = kept.map(k -> partly(failureOf(exchange), k)).orElseGet(() -> failureOf(exchange));
        String briefId = exchange.getProperty(BriefIntake.BRIEF_ID, String.class);
        duplicates.release(exchange);
        Source source = exchange.getProperty(BriefIntake.SOURCE, Source.class);
        if (source == null) {
            Envelope envelope = Envelope.orJson(exchange.getMessage().getHeaders());
            briefId = briefId == null ? envelope.defaultId() : briefId;
            source = new Source(envelope.channel(), envelope.sourceName() != null ? envelope.sourceName() : envelope.defaultId() + ".json",
                    null, exchange.getMessage().getHeader("JMSMessageID", String.class), envelope.format().ext());
        }
        String original = exchange.getMessage().getBody(String.class);
        byte[] bytes = (original == null ? "" : original).getBytes(StandardCharsets.UTF_8);
        Path target = uniqueTarget(source.name());
        ErrorReport report = report(exchange, failure, briefId, source, target, kept.orElse(null));
        try {
            AtomicFiles.write(partials.next(), bytes, target);
            writeReport(target, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter " + target, e);
        }
        if ("jms".equals(source.channel())) {
            sendToDlq(exchange, original, report);
        }
        BriefResult result = BriefResult.failed(briefId, failure.stage(), failure.reason(), failure.detail(), source);
        if (kept.isPresent()) {
            // the result event lists the images that were made, as a done brief's does
            result = new BriefResult(result.briefId(), result.status(), result.stage(), result.reason(), result.detail(), false,
                    kept.get().made().images(), source);
        }
        results.failed(exchange, result);
    }

    /** The failure of a brief part of which is in the outbox: the reason says first what was made. */
    static BriefFailure partly(BriefFailure failure, MadeSoFar.Kept kept) {
        int made = kept.made().images().size();
        int missing = kept.missing().size();
        if (missing == 0) {
            return failure;
        }
        String cause = failure.reason();
        cause = cause.length() > 1 && Character.isUpperCase(cause.charAt(0)) && Character.isLowerCase(cause.charAt(1))
                ? Character.toLowerCase(cause.charAt(0)) + cause.substring(1) : cause;
        String reason = made + " of " + kept.total() + (made == 1 ? " images was made and is" : " images were made and are")
                + " in the outbox; the other" + (missing == 1 ? "" : " " + missing) + " could not be made: " + cause
                + (cause.toLowerCase(java.util.Locale.ROOT).contains("replay") ? "" : " Replayed, the brief makes only the missing "
                + (missing == 1 ? "image." : "images."));
        return new BriefFailure(failure.stage(), reason, failure.detail(), failure.httpStatus(), failure.providerError(), failure.attempts(),
                failure.getCause());
    }

    /** A file refused at the inbox (too large, a link, not UTF-8...): the file component moves it, unread, to MessageHeaders.MOVE_TO. */
    public void fromInbox(Exchange exchange) {
        BriefFailure failure = failureOf(exchange);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (fileName == null) {
            fileName = exchange.getIn(org.apache.camel.component.file.GenericFileMessage.class) != null
                    ? exchange.getIn(org.apache.camel.component.file.GenericFileMessage.class).getGenericFile().getFileNameOnly() : "brief";
        }
        Path target = uniqueTarget(fileName);
        exchange.getMessage().setHeader(MessageHeaders.MOVE_TO, target.toAbsolutePath().toString());
        String briefId = io.brief2image.brief.SafeId.makeSafe(fileName.replaceAll("\\.[^.]*$", ""));
        Source source = new Source("file", fileName, null, null, null);
        try {
            writeReport(target, report(exchange, failure, briefId, source, target, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letter report for " + target, e);
        }
        results.failed(exchange, BriefResult.failed(briefId, failure.stage(), failure.reason(), failure.detail(), source));
    }

    private ErrorReport report(Exchange exchange, BriefFailure failure, String briefId, Source source, Path target, MadeSoFar.Kept kept) {
        String firstSeen = exchange.getMessage().getHeader(MessageHeaders.FIRST_SEEN, String.class);
        Long jmsTimestamp = exchange.getMessage().getHeader("JMSTimestamp", Long.class);
        if (firstSeen == null) {
            firstSeen = jmsTimestamp != null && jmsTimestamp > 0 ? Instant.ofEpochMilli(jmsTimestamp).toString()
                    : Instant.ofEpochMilli(exchange.getClock().getCreated()).toString();
        }
        return new ErrorReport(briefId, failure.stage(), failure.reason(), failure.detail(), failure.httpStatus(), failure.providerError(),
                failure.attempts(), firstSeen, Instant.now(clock).toString(), source.name(), source,
                kept == null ? null : kept.made().images().stream().map(io.brief2image.base.Sidecar::imageId).toList(),
                kept == null ? null : kept.missing());
    }

    private void writeReport(Path target, ErrorReport report) throws IOException {
        report.writeBeside(target, partials);
    }

    private void sendToDlq(Exchange exchange, String original, ErrorReport report) {
        Map<String, Object> headers = new HashMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith("b2i_")) {
                headers.put(name, value);
            }
        });
        headers.put("b2i_error_stage", report.stage());
        headers.put("b2i_error_reason", report.reason());
        if (report.detail() != null) {
            headers.put("b2i_error_detail", report.detail());
        }
        headers.put("b2i_brief_id", report.briefId());
        headers.put("b2i_attempts", report.attempts());
        if (report.httpStatus() != null) {
            headers.put("b2i_http_status", report.httpStatus());
        }
        template.send(DLQ, ExchangePattern.InOnly, out -> {
            out.getIn().setBody(original);
            out.getIn().setHeaders(headers);
        });
    }

    /** Never overwrite an earlier dead letter: a second one with the same name gets a time stamp. */
    private Path uniqueTarget(String name) {
        String safe = name == null || name.isBlank() ? "brief.json" : Path.of(name).getFileName().toString();
        Path target = failedDir.resolve(safe);
        if (!Files.exists(target) && !Files.exists(ErrorReport.reportOf(target))) {
            return target;
        }
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String ext = dot > 0 ? safe.substring(dot) : "";
        String stamp = Instant.now(clock).toString().replaceAll("[^0-9]", "").substring(0, 17);
        for (int i = 0; ; i++) {
            Path candidate = failedDir.resolve(stem + "." + stamp + (i == 0 ? "" : "-" + i) + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static BriefFailure failureOf(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof BriefFailure failure) {
                return failure;
            }
        }
        if (caught == null) {
            return new BriefFailure("internal", FaultKinds.sentence("This brief could not be finished", new IllegalStateException()),
                    "no exception was recorded");
        }
        return new BriefFailure("internal", FaultKinds.sentence("This brief could not be finished", caught), null, null, 0, caught);
    }
}
