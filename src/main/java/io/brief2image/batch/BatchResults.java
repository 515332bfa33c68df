package io.brief2image.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.admission.Budget;
import io.brief2image.admission.CostEstimate;
import io.brief2image.base.Json;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import io.brief2image.store.BatchRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an ended batch's results: the output file and the error file, streamed from the download
 * progress in the store (after a kill -9 the lines already handled are passed over, and a line read
 * twice is handled once: its outcome is recorded only while it is pending). A made line's images are
 * moved under data/batches/images and its reservation is settled at the batch price from the line's
 * usage; a failed line's reservation is released. Lines the batch never ran (expired, failed,
 * cancelled) are unfinished. Then every brief of the batch whose lines are all accounted for is
 * finished by the {@link BatchBriefs}.
 */
public final class BatchResults {

    private final BatchRecords records;
    private final BatchApi api;
    private final BatchOutput output;
    private final Path images;
    private final Budget budget;
    private final BatchBriefs briefs;
    private final BatchMetrics metrics;

    public BatchResults(BatchRecords records, BatchApi api, Supplier<Path> tempFiles, Path dataDir, Budget budget, BatchBriefs briefs,
                        BatchMetrics metrics) {
        this.records = records;
        this.api = api;
        this.output = new BatchOutput(tempFiles);
        this.images = dataDir.resolve("batches").resolve("images");
        this.budget = budget;
        this.briefs = briefs;
        this.metrics = metrics;
    }

    void read(BatchRecords.FileRow file) throws Exception {
        read(file, BatchStatus.GONE.equals(file.batchStatus()) ? BatchStatus.gone(file.batchId()) : api.get(file.batchId()));
    }

    /** Reads the results of a batch that ended as {@code status} says. */
    void read(BatchRecords.FileRow file, BatchStatus status) throws Exception {
        Files.createDirectories(images);
        if (status.outputFileId() != null) {
            output.download(api, status.outputFileId(), new BatchOutput.Progress(file.outputLines(), file.outputBytes()),
                    line -> handle(file, status, line), p -> records.progress(file.key(), false, p.lines(), p.bytes()));
        }
        if (status.errorFileId() != null) {
            output.download(api, status.errorFileId(), new BatchOutput.Progress(file.errorLines(), file.errorBytes()),
                    line -> handle(file, status, line), p -> records.progress(file.key(), true, p.lines(), p.bytes()));
        }
        Set<String> touched = new LinkedHashSet<>();
        for (BatchRecords.LineRow line : records.linesOfFile(file.key(), "pending")) {
            // no result line at all: the batch ended before it ran
            ObjectNode result = Json.MAPPER.createObjectNode().put("reason", "The batch " + status.ending()
                    + " before this image was made. It can be sent again.").put("batch_id", status.id());
            records.lineOutcome(line.customId(), "unfinished", result.toString());
        }
        for (String state : new String[] {"made", "failed", "unfinished"}) {
            records.linesOfFile(file.key(), state).forEach(line -> touched.add(line.briefKey()));
        }
        for (String briefKey : touched) {
            briefs.finish(briefKey, status);
        }
        records.fileState(file.key(), "done");
    }

    private void handle(BatchRecords.FileRow file, BatchStatus status, BatchLine line) throws IOException {
        BatchRecords.LineRow row = line.customId() == null ? null : records.line(line.customId()).orElse(null);
        if (row == null || !row.fileKey().equals(file.key()) || !"pending".equals(row.state())) {
            deleteAll(line); // not ours, or handled before a restart: nothing is written twice
            return;
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("batch_id", status.id()).put("line", line.line()).put("request_id", line.requestId());
        var reservation = Reservations.read(row.reservation());
        if (line.succeeded()) {
            BatchRecords.BriefRow brief = records.brief(row.briefKey()).orElseThrow();
            RenderPlan plan = PlanJson.read(brief.plan());
            ImageTask first = plan.tasks().get(row.firstTask());
            double cost = CostEstimate.of(plan.brief().model(), line.usage(), first.quality(), first.size(), row.taskCount())
                    * plan.brief().model().batchFactor();
            ArrayNode made = result.putArray("images");
            int k = 0;
            for (BatchLine.Image image : line.images()) {
                // a name from the custom id: the same line read again after a crash lands on the same file
                Path target = images.resolve(safe(row.customId()) + "-" + (k++) + "." + image.stored().mediaType().extension());
                Files.move(image.stored().file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                made.addObject().put("path", target.toAbsolutePath().toString()).put("bytes", image.stored().bytes())
                        .put("sha256", image.stored().sha256()).put("media_type", image.stored().mediaType().name())
                        .put("revised_prompt", image.revisedPrompt());
            }
            result.set("usage", line.usage());
            result.put("cost_usd", cost);
            // the outcome and the settled spend in one transaction: a kill between them cannot leave the reservation counting
            if (records.lineOutcome(row.customId(), "made", result.toString(), budget.settling(reservation, cost))) {
                budget.ended(reservation);
                double factor = plan.brief().model().batchFactor();
                metrics.saved(factor > 0 && factor < 1 ? cost / factor - cost : 0);
            }
            return;
        }
        result.put("reason", line.error()).put("status_code", line.statusCode()).put("code", line.errorCode());
        if (records.lineOutcome(row.customId(), line.unfinished() ? "unfinished" : "failed", result.toString(),
                line.unfinished() ? null : budget.releasing(reservation)) && !line.unfinished()) {
            budget.ended(reservation);
        }
    }

    static String safe(String customId) {
        return customId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static void deleteAll(BatchLine line) throws IOException {
        for (BatchLine.Image image : line.images()) {
            Files.deleteIfExists(image.stored().file());
        }
    }
}
