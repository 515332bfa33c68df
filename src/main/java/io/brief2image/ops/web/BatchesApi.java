package io.brief2image.ops.web;

import io.brief2image.batch.BatchApiException;
import io.brief2image.batch.BatchOutlook;
import io.brief2image.batch.BatchRunner;
import io.brief2image.batch.BatchStatus;
import io.brief2image.ops.AdminAccess;
import io.brief2image.store.BatchRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * GET /api/batches: the open and pending batch files (lines, lines still to read, age, batch id and
 * status, what the lines still to read are reserved at and save against the synchronous price), for
 * the status page and {@code batch list}; POST /api/batches/cancel?id=ID: cancels a batch of this pipeline,
 * for an admin as replay is ({@link AdminAccess}), for {@code batch cancel ID}.
 */
public final class BatchesApi {

    private final AdminGuard guard;
    private final BatchRecords records;
    private final BatchRunner runner;
    private final BatchOutlook outlook;

    public BatchesApi(AdminAccess access, BatchRecords records, BatchRunner runner) {
        this.guard = new AdminGuard(access);
        this.records = records;
        this.runner = runner;
        this.outlook = new BatchOutlook(records);
    }

    public void list(Exchange exchange) {
        long now = System.currentTimeMillis();
        List<Map<String, Object>> batches = new ArrayList<>();
        try {
            List<BatchRecords.FileRow> files = records.unfinishedFiles();
            Map<String, BatchOutlook.Pending> figures = outlook.of(files);
            for (BatchRecords.FileRow file : files) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", file.key());
                row.put("state", file.state());
                row.put("endpoint", file.endpoint());
                row.put("lines", file.lines());
                row.put("age_seconds", (now - file.openedAt()) / 1000);
                row.put("batch_id", file.batchId());
                row.put("status", file.batchStatus());
                BatchOutlook.Pending pending = figures.get(file.key());
                row.put("pending_lines", pending.lines());
                row.put("expected_cost_usd", pending.reservedUsd());
                row.put("expected_saving_usd", pending.savingUsd());
                batches.add(row);
            }
        } catch (RuntimeException storeDown) {
            HttpReply.error(exchange, 503, "the batch records cannot be read now: " + storeDown.getMessage());
            return;
        }
        HttpReply.json(exchange, 200, Map.of("batches", batches));
    }

    public void cancel(Exchange exchange) {
        if (!guard.allows(exchange, "cancel a batch")) {
            return;
        }
        String id = exchange.getMessage().getHeader("id", String.class);
        if (id == null || id.isBlank()) {
            HttpReply.error(exchange, 400, "say which batch to cancel: /api/batches/cancel?id=batch_...");
            return;
        }
        try {
            BatchStatus status = runner.cancel(id.strip());
            HttpReply.json(exchange, 200, Map.of("batch_id", status.id(), "status", status.status()));
        } catch (BatchApiException e) {
            HttpReply.error(exchange, e.status() == 404 ? 404 : 502, e.getMessage());
        }
    }
}
