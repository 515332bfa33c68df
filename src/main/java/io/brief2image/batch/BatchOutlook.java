package io.brief2image.batch;

import io.brief2image.store.BatchRecords;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a batch file not done yet still holds, for the status page and {@code batch list}: its lines
 * whose results are not read yet, what they are reserved at (the batch price) and what they save
 * against the same calls made now. Each line's reservation in the store is at the batch price, so the
 * saving is {@code reserved / factor - reserved} with the factor of the brief's model (read from its
 * plan). A file's figures are read again only when its size, state or download progress moved, so a
 * page refreshing every two seconds does not read a pending batch of 50,000 lines each time; files no
 * longer listed are forgotten.
 */
public final class BatchOutlook {

    /** The pending lines of one file, what they are reserved at and what they save. */
    public record Pending(int lines, double reservedUsd, double savingUsd) {
    }

    private final BatchRecords records;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** A file's figures as of one version of its row. */
    private record Seen(String version, Pending pending) {
    }

    public BatchOutlook(BatchRecords records) {
        this.records = records;
    }

    /** The figures of each file, by its key, in the order given. */
    public Map<String, Pending> of(List<BatchRecords.FileRow> files) {
        Map<String, Pending> figures = new LinkedHashMap<>();
        for (BatchRecords.FileRow file : files) {
            figures.put(file.key(), of(file));
        }
        seen.keySet().retainAll(figures.keySet());
        return figures;
    }

    private Pending of(BatchRecords.FileRow file) {
        String version = file.state() + "/" + file.lines() + "/" + file.outputLines() + "/" + file.errorLines() + "/" + file.batchStatus();
        Seen last = seen.get(file.key());
        if (last != null && last.version().equals(version)) {
            return last.pending();
        }
        Pending pending = read(file);
        seen.put(file.key(), new Seen(version, pending));
        return pending;
    }

    private Pending read(BatchRecords.FileRow file) {
        List<BatchRecords.LineRow> lines = records.linesOfFile(file.key(), "pending");
        double reserved = 0;
        double saving = 0;
        Map<String, Double> factors = new HashMap<>();
        for (BatchRecords.LineRow line : lines) {
            double usd = Reservations.read(line.reservation()).usd();
            double factor = factors.computeIfAbsent(line.briefKey(), this::factorOf);
            reserved += usd;
            saving += factor > 0 && factor < 1 ? usd / factor - usd : 0;
        }
        return new Pending(lines.size(), reserved, saving);
    }

    private double factorOf(String briefKey) {
        return records.brief(briefKey).map(b -> PlanJson.read(b.plan()).brief().model().batchFactor()).orElse(1.0);
    }
}
