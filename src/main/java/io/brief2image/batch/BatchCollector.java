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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * The batch line sink: a brief's lines go into the open batch input file of their endpoint under
 * data/batches, then into the store in ONE transaction with the brief (the queue message and the
 * plan) and their files' new sizes: a brief is in a batch with all its lines or with none, so no line
 * of a brief that failed is submitted, paid for and awaited by nobody. Only after that commit does the
 * brief's route end, and only then is its queue message acknowledged: a brief redelivered after a
 * crash finds itself in the store and is acknowledged without adding its lines again, and lines
 * written to a file but not recorded are cut off (at once when the brief fails here, else when the
 * file is reopened: their brief was not acknowledged, so it comes again).
 * <p>
 * Files are closed at {@code batch-max-lines}, {@code batch-max-bytes}, {@code batch-max-wait} or after {@code batch-max-quiet}
 * ({@link #closeDue}); the {@link BatchRunner} uploads them. A file filled by a brief's lines is
 * closed only once they are recorded.
 */
public final class BatchCollector implements BatchLineSink {

    private final BatchRecords records;
    private final OpenBatchFiles files;
    private final Function<RenderPlan, ImageProvider> providers;
    private final PaymentAdmission admission;

    /** Where a file stood before a brief's lines were written to it, to cut it back if they are not recorded. */
    private record Mark(OpenBatchFiles.Open file, int lines, long bytes) {
    }

    /** @param providers the provider that would make a plan's images now (an {@link OpenAiImagesProvider} for a batch brief) */
    public BatchCollector(BatchRecords records, Path dataDir, BatchLimits limits, Duration maxWait, Duration maxQuiet, String instance,
                          Function<RenderPlan, ImageProvider> providers, PaymentAdmission admission, Clock clock) {
        this.records = records;
        this.files = new OpenBatchFiles(records, dataDir, limits, maxWait, maxQuiet, instance, clock);
        this.providers = providers;
        this.admission = admission;
    }

    @Override
    public synchronized Taken take(List<BatchLine> lines, Exchange exchange) {
        RenderPlan plan = lines.get(0).plan();
        Brief brief = plan.brief();
        String briefKey = briefKey(brief);
        if (records.brief(briefKey).filter(b -> "waiting".equals(b.state())).isPresent()) {
            // a redelivered brief: its lines are in a batch already, with the reservations made then
            lines.forEach(line -> admission.release(line.reserved()));
            return Taken.inBatch();
        }
        OpenAiImagesProvider provider = (OpenAiImagesProvider) providers.apply(plan);
        QueueMessage message = QueueMessage.of(exchange);
        BatchRecords.BriefRow briefRow = new BatchRecords.BriefRow(briefKey, brief.id(), lines.stream().mapToInt(l -> l.tasks().size()).sum(),
                "waiting", message.body(), message.headersJson(), PlanJson.write(plan));
        Map<String, Mark> marks = new LinkedHashMap<>();
        List<OpenBatchFiles.Open> filled = new ArrayList<>();
        try {
            List<BatchRecords.NewLine> recorded = new ArrayList<>();
            for (BatchLine line : lines) {
                int first = plan.tasks().indexOf(line.tasks().get(0));
                String customId = briefKey + "/" + first;
                String endpoint = BatchInputFile.endpointFor(provider, line.request());
                OpenBatchFiles.Open file = write(endpoint, marks, filled, f -> f.add(customId, provider, line.request()));
                recorded.add(new BatchRecords.NewLine(customId, file.key(), first, line.tasks().size(), Reservations.write(line.reserved())));
            }
            for (Mark mark : marks.values()) {
                mark.file().file().sync();
            }
            records.recordLines(briefRow, recorded, marks.values().stream()
                    .map(m -> new BatchRecords.FileSize(m.file().key(), m.file().file().lines(), m.file().file().bytes())).toList());
        } catch (IOException e) {
            undo(marks.values(), filled);
            throw new UncheckedIOException("the batch file for brief " + brief.id() + " could not be written", e);
        } catch (RuntimeException e) {
            undo(marks.values(), filled);
            throw e;
        }
        filled.forEach(files::close);
        marks.values().forEach(m -> files.closeIfFull(m.file().file().endpoint()));
        return Taken.inBatch();
    }

    /** A line of an ended batch (batch-on-expiry = batch) into the open file, pending again. */
    synchronized void readd(String endpoint, String customId, ObjectNode body) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        List<OpenBatchFiles.Open> filled = new ArrayList<>();
        try {
            OpenBatchFiles.Open file = write(endpoint, marks, filled, f -> f.add(customId, body));
            file.file().sync();
            records.moveLine(customId, file.key(), file.file().lines(), file.file().bytes());
        } catch (IOException e) {
            undo(marks.values(), filled);
            throw new UncheckedIOException("the batch file for " + customId + " could not be written", e);
        } catch (RuntimeException e) {
            undo(marks.values(), filled);
            throw e;
        }
        filled.forEach(files::close);
        files.closeIfFull(endpoint);
    }

    private interface Write {
        int to(BatchInputFile file) throws IOException;
    }

    /**
     * Writes one line into the endpoint's open file; a full file is set aside (closed by the caller once
     * the lines are recorded) and the line goes into a new one. Marks where each file stood first.
     */
    private OpenBatchFiles.Open write(String endpoint, Map<String, Mark> marks, List<OpenBatchFiles.Open> filled, Write write)
            throws IOException {
        OpenBatchFiles.Open file = marked(files.openFor(endpoint), marks);
        if (write.to(file.file()) == 0) {
            files.setAside(endpoint);
            filled.add(file);
            file = marked(files.openFor(endpoint), marks);
            if (write.to(file.file()) == 0) {
                throw new BriefFailure("batch", "This image request is larger than a batch file may be (setting batch-max-bytes):"
                        + " send it with priority now, or raise batch-max-bytes.");
            }
        }
        return file;
    }

    private static OpenBatchFiles.Open marked(OpenBatchFiles.Open file, Map<String, Mark> marks) {
        marks.putIfAbsent(file.key(), new Mark(file, file.file().lines(), file.file().bytes()));
        return file;
    }

    /**
     * The lines of a brief that is not recorded come out of the files again (a file that cannot be cut is
     * reopened from the store); a file set aside as full holds only recorded lines again and is due for upload.
     */
    private void undo(Iterable<Mark> marks, List<OpenBatchFiles.Open> filled) {
        for (Mark mark : marks) {
            try {
                mark.file().file().cutBack(mark.lines(), mark.bytes());
            } catch (IOException | RuntimeException e) {
                files.forget(mark.file());
                filled.remove(mark.file());
            }
        }
        for (OpenBatchFiles.Open file : filled) {
            try {
                files.close(file);
            } catch (RuntimeException e) {
                files.forget(file);
            }
        }
    }

    /** Closes the open files that reached a limit, waited {@code batch-max-wait} or took no line for {@code batch-max-quiet}. */
    public synchronized void closeDue() {
        files.closeDue();
    }

    /** Open files and their lines, for the status page. */
    /** Closes every open file that has lines (--once: the batch goes to the provider before the run ends). */
    public synchronized void closeAll() {
        files.closeAll();
    }

    public synchronized int openLines() {
        return files.openLines();
    }

    /** Open files were taken over from a dead instance: they are reopened before the next line. */
    synchronized void adoptAgain() {
        files.adoptAgain();
    }

    static String briefKey(Brief brief) {
        return brief.id() + "@" + brief.fingerprint();
    }
}
