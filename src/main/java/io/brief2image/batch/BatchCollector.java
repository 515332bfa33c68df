package io.brief2image.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.admission.PaymentAdmission;
import io.brief2image.base.BriefFailure;
import io.brief2image.brief.Brief;
import io.brief2image.expansion.RenderPlan;
import io.brief2image.render.BatchLine;
import io.brief2image.render.BatchLineSink;
import io.brief2image.render.ImageProvider;
import io.brief2image.render.OpenAiImagesProvider;
import io.brief2image.store.BatchRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * The batch line sink: each line goes into the open batch input file for its endpoint under
 * data/batches, then into the store in ONE transaction with its brief (the queue message and the
 * plan) and its file's new size. Only after that commit does the brief's route end, and only then is
 * its queue message acknowledged: a brief redelivered after a crash finds its lines in the store and
 * is acknowledged without adding them again, and a line written to the file but not recorded is cut
 * off when the file is reopened (its brief was not acknowledged, so it comes again).
 * <p>
 * Files are closed at {@code batch-max-lines}, {@code batch-max-bytes} or {@code batch-max-wait}
 * ({@link #closeDue}); the {@link BatchRunner} uploads them.
 */
public final class BatchCollector implements BatchLineSink {

    private final BatchRecords records;
    private final Path dir;
    private final BatchLimits limits;
    private final Duration maxWait;
    private final String instance;
    private final Function<RenderPlan, ImageProvider> providers;
    private final PaymentAdmission admission;
    private final Clock clock;
    private final Map<String, Open> open = new HashMap<>();
    private boolean adopted;

    private record Open(String key, BatchInputFile file, long openedAt) {
    }

    /** @param providers the provider that would make a plan's images now (an {@link OpenAiImagesProvider} for a batch brief) */
    public BatchCollector(BatchRecords records, Path dataDir, BatchLimits limits, Duration maxWait, String instance,
                          Function<RenderPlan, ImageProvider> providers, PaymentAdmission admission, Clock clock) {
        this.records = records;
        this.dir = dataDir.resolve("batches");
        this.limits = limits;
        this.maxWait = maxWait;
        this.instance = instance;
        this.providers = providers;
        this.admission = admission;
        this.clock = clock;
    }

    @Override
    public Taken take(BatchLine line) {
        throw new IllegalStateException("a batch line needs the exchange of its brief");
    }

    @Override
    public Taken take(BatchLine line, Exchange exchange) {
        RenderPlan plan = line.plan();
        Brief brief = plan.brief();
        String briefKey = briefKey(brief);
        int first = plan.tasks().indexOf(line.tasks().get(0));
        String customId = briefKey + "/" + first;
        if (records.lineRecorded(customId)) {
            // a redelivered brief: its line is in a batch already, with the reservation made then
            admission.release(line.reserved());
            return Taken.inBatch();
        }
        OpenAiImagesProvider provider = (OpenAiImagesProvider) providers.apply(plan);
        String endpoint = BatchInputFile.endpointFor(provider, line.request());
        QueueMessage message = QueueMessage.of(exchange);
        BatchRecords.BriefRow briefRow = new BatchRecords.BriefRow(briefKey, brief.id(), plan.tasks().size(), "waiting",
                message.body(), message.headersJson(), PlanJson.write(plan));
        append(endpoint, customId, file -> file.add(customId, provider, line.request()), (key, file) -> records.recordLine(
                new BatchRecords.NewLine(customId, briefRow, first, line.tasks().size(), Reservations.write(line.reserved())),
                key, file.lines(), file.bytes()));
        return Taken.inBatch();
    }

    /** A line of an ended batch (batch-on-expiry = batch) into the open file, pending again. */
    void readd(String endpoint, String customId, ObjectNode body) {
        append(endpoint, customId, file -> file.add(customId, body), (key, file) -> records.moveLine(customId, key, file.lines(), file.bytes()));
    }

    private interface Write {
        int to(BatchInputFile file) throws IOException;
    }

    private interface Record {
        void in(String fileKey, BatchInputFile file);
    }

    private synchronized void append(String endpoint, String customId, Write write, Record record) {
        adoptOnce();
        try {
            Open file = openFor(endpoint);
            if (write.to(file.file()) == 0) {
                close(endpoint);
                file = openFor(endpoint);
                if (write.to(file.file()) == 0) {
                    throw new BriefFailure("batch", "This image request is larger than a batch file may be (setting batch-max-bytes):"
                            + " send it with priority now, or raise batch-max-bytes.");
                }
            }
            file.file().sync();
            try {
                record.in(file.key(), file.file());
            } catch (RuntimeException e) {
                // the line is on disk but not recorded: reopened from the store's size, it is cut off
                forget(endpoint);
                throw e;
            }
            if (file.file().full()) {
                close(endpoint);
            }
        } catch (IOException e) {
            forget(endpoint);
            throw new UncheckedIOException("the batch file for " + customId + " could not be written", e);
        }
    }

    /** Closes the open files that reached a limit or waited {@code batch-max-wait}: they are due for upload. */
    public synchronized void closeDue() {
        adoptOnce();
        long now = clock.millis();
        for (String endpoint : Map.copyOf(open).keySet()) {
            Open file = open.get(endpoint);
            boolean nearlyFull = file.file().bytes() > limits.maxBytes() - Math.min(limits.maxBytes() / 20, 1024 * 1024);
            if (file.file().lines() > 0 && (nearlyFull || file.file().full() || now - file.openedAt() >= maxWait.toMillis())) {
                close(endpoint);
            }
        }
    }

    /** Open files and their lines, for the status page. */
    public synchronized int openLines() {
        return open.values().stream().mapToInt(o -> o.file().lines()).sum();
    }

    private Open openFor(String endpoint) throws IOException {
        Open file = open.get(endpoint);
        if (file != null) {
            return file;
        }
        Files.createDirectories(dir);
        long now = clock.millis();
        String key = instance.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + (BatchInputFile.EDITS.equals(endpoint) ? "edits" : "generations") + "-" + now;
        Path path = dir.resolve(key + ".jsonl");
        BatchInputFile created = BatchInputFile.create(path, endpoint, limits);
        records.openFile(key, endpoint, path.toAbsolutePath().toString(), instance);
        file = new Open(key, created, now);
        open.put(endpoint, file);
        return file;
    }

    private void close(String endpoint) {
        Open file = open.remove(endpoint);
        if (file == null) {
            return;
        }
        try {
            file.file().close();
        } catch (IOException e) {
            throw new UncheckedIOException("the batch file " + file.key() + " could not be closed", e);
        }
        records.fileState(file.key(), file.file().lines() == 0 ? "done" : "closed");
    }

    private void forget(String endpoint) {
        Open file = open.remove(endpoint);
        if (file != null) {
            try {
                file.file().close();
            } catch (IOException ignored) {
                // reopened from the store's record
            }
            adopted = false;
        }
    }

    /** Open files in the store (left by a crash, or forgotten after a write failed) are taken on, cut back to their recorded size. */
    private void adoptOnce() {
        if (adopted) {
            return;
        }
        records.adoptOpenFiles(instance);
        for (BatchRecords.FileRow row : records.files("open")) {
            if (open.values().stream().anyMatch(o -> o.key().equals(row.key()))) {
                continue;
            }
            Path path = Path.of(row.path());
            try {
                if (!Files.exists(path) || open.containsKey(row.endpoint())) {
                    records.fileState(row.key(), row.lines() == 0 ? "done" : "closed");
                    continue;
                }
                open.put(row.endpoint(), new Open(row.key(), BatchInputFile.reopenAt(path, row.endpoint(), limits, row.lines(), row.bytes()),
                        row.openedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException("the open batch file " + row.key() + " could not be reopened", e);
            }
        }
        adopted = true;
    }

    static String briefKey(Brief brief) {
        return brief.id() + "@" + brief.fingerprint();
    }
}
