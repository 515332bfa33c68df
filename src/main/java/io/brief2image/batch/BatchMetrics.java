package io.brief2image.batch;

import io.brief2image.store.BatchRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The batch path's metrics: {@code brief2image_batch_lines_pending} and
 * {@code brief2image_batch_batches{status}} read from the store at scrape time (NaN while it does not
 * answer), {@code brief2image_batch_savings_usd_total} counted as lines are settled.
 */
public final class BatchMetrics {

    private static final String[] STATUSES = {"validating", "in_progress", "finalizing", "completed", "failed", "expired", "cancelling", "cancelled"};

    private final Counter savings;

    public BatchMetrics(MeterRegistry registry, BatchRecords records) {
        Gauge.builder("brief2image_batch_lines_pending", records, orNaN(BatchRecords::pendingLines))
                .description("batch lines whose results have not been read yet").register(registry);
        for (String status : STATUSES) {
            Gauge.builder("brief2image_batch_batches", records, orNaN(r -> r.batchesByStatus().getOrDefault(status, 0)))
                    .description("batches of this pipeline by their last polled status").tag("status", status).register(registry);
        }
        this.savings = Counter.builder("brief2image_batch_savings_usd").description("what the batch lines saved against the synchronous price")
                .register(registry);
    }

    void saved(double usd) {
        if (usd > 0) {
            savings.increment(usd);
        }
    }

    private static ToDoubleFunction<BatchRecords> orNaN(ToDoubleFunction<BatchRecords> read) {
        return records -> {
            try {
                return read.applyAsDouble(records);
            } catch (RuntimeException storeDown) {
                return Double.NaN;
            }
        };
    }
}
