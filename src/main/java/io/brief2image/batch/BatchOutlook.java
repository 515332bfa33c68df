package io.brief2image.batch;

import io.brief2image.store.BatchRecords;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a batch file not done yet still holds, for the status page and {@code batch list}: its lines
 * whose results are not read yet, what they are reserved at (the batch price) and what they save
 * against the same calls made now. Each line's reservation in the store is at the batch price, so the
 * saving is {@code reserved / factor - reserved} with the factor of the brief's model. A brief's
 * factor is read once from its plan (it never changes), so a refresh every two seconds costs one
 * store read per file, not one per brief.
 */
public final class BatchOutlook {

    /** The pending lines of one file, what they are reserved at and what they save. */
    public record Pending(int lines, double reservedUsd, double savingUsd) {
    }

    private final BatchRecords records;
    private final Map<String, Double> factors = new ConcurrentHashMap<>();

    public BatchOutlook(BatchRecords records) {
        this.records = records;
    }

    public Pending of(BatchRecords.FileRow file) {
        List<BatchRecords.LineRow> lines = records.linesOfFile(file.key(), "pending");
        double reserved = 0;
        double saving = 0;
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
