package io.brief2image.batch;

import io.brief2image.store.BatchRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch path after the lines are collected, one step per tick of the timer route in batch.yaml:
 * closes due files, uploads them, creates their batches and polls them with the {@link PollPolicy}.
 * Every step is recorded in the store before the next begins (the input file id before the batch is
 * created, the batch id before anything else is done with it), so after a kill -9 the next run goes
 * on where this one stopped: a file uploaded but not yet a batch is looked for among the provider's
 * batches before one is created, so the provider sees one batch per file.
 * <p>
 * On a store shared by several instances each acts only on its own files (an open or closed file is on
 * its owner's disk); the files of an instance that stopped beating for a lease are taken over first:
 * its batches at the provider by any instance (they need only their ids), its open and closed files
 * by one that can read them.
 */
public final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final BatchCollector collector;
    private final BatchRecords records;
    private final BatchApi api;
    private final BatchResults results;
    private final PollPolicy poll;
    private final Map<String, String> metadata;
    private final Clock clock;
    private final String instance;
    private final Duration lease;
    private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
    /** Files whose batch this process asked about (or created): one left by an earlier run is asked about at once. */
    private final java.util.Set<String> askedHere = ConcurrentHashMap.newKeySet();
    /** Whether a whole turn has run (the files of the last run are taken over in it). */
    private volatile boolean turned;
    /** Files whose reading on after a restart was said in the log (once each). */
    private final java.util.Set<String> resumed = ConcurrentHashMap.newKeySet();

    public BatchRunner(BatchCollector collector, BatchRecords records, BatchApi api, BatchResults results, PollPolicy poll,
                       String instance, Duration lease, Clock clock) {
        this.collector = collector;
        this.instance = instance;
        this.lease = lease;
        this.records = records;
        this.api = api;
        this.results = results;
        this.poll = poll;
        this.clock = clock;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("pipeline", "brief2image");
        meta.put("instance", instance);
        this.metadata = Map.copyOf(meta);
    }

    /**
     * For {@code --once}, once the inbox and the queue are drained: sends every open file's lines on at the
     * next ticks, whatever the limits say. Then {@link #nothingDueNow()} tells when the run may end.
     */
    public synchronized void sendOpenFiles() {
        collector.closeAll();
    }

    /**
     * True when this instance has nothing of the batch path to do now (after its first turn, which takes
     * over the files of the last run): every file with lines is at the
     * provider, no batch is due to be polled, and no ended batch waits to be read. Batches still running
     * stay where they are; their results are read by the next run.
     */
    public synchronized boolean nothingDueNow() {
        if (!turned || collector.openLines() > 0 || !records.files("closed", instance).isEmpty() || !records.files("uploaded", instance).isEmpty()
                || !records.files("ended", instance).isEmpty()) {
            return false;
        }
        long now = clock.millis();
        return records.files("submitted", instance).stream().noneMatch(f -> f.nextPollAt() <= now || !askedHere.contains(f.key()));
    }

    /** One pass over every file not done; a step that fails is tried again at the next tick (said once in the log). */
    public synchronized void tick() {
        try {
            turn();
            turned = true;
        } catch (RuntimeException e) {
            // the store does not answer, or the service stops: the next tick tries again
            step("store", () -> {
                throw e;
            });
        }
    }

    private void turn() {
        step("take over", () -> {
            // a dead instance's batches at the provider, and its files this instance can read
            if (records.takeOverFiles(instance, lease, file -> Files.isReadable(Path.of(file.path()))) > 0) {
                collector.adoptAgain();
            }
        });
        step("close", collector::closeDue);
        for (BatchRecords.FileRow file : records.files("closed", instance)) {
            step(file.key(), () -> upload(file));
        }
        for (BatchRecords.FileRow file : records.files("uploaded", instance)) {
            step(file.key(), () -> create(file));
        }
        long now = clock.millis();
        for (BatchRecords.FileRow file : records.files("submitted", instance)) {
            if (file.nextPollAt() <= now || !askedHere.contains(file.key())) {
                step(file.key(), () -> poll(file));
            }
        }
        for (BatchRecords.FileRow file : records.files("ended", instance)) {
            if ((file.outputLines() > 0 || file.errorLines() > 0) && resumed.add(file.key())) {
                // after a restart (or a download that failed): the lines already handled are passed over, not written again
                LOG.info("batch {}: reading its results on after line {} of the output file ({} bytes) and line {} of the error file",
                        file.batchId(), file.outputLines(), file.outputBytes(), file.errorLines());
            }
            step(file.key(), () -> results.read(file));
        }
    }

    private void upload(BatchRecords.FileRow file) throws Exception {
        UploadedFile uploaded = api.upload(Path.of(file.path()));
        records.uploaded(file.key(), uploaded.id());
    }

    private void create(BatchRecords.FileRow file) throws Exception {
        // a create whose reply was lost (or a kill -9 before its batch id was recorded) made the batch already
        Optional<BatchStatus> existing = api.list().stream().filter(b -> file.inputFileId().equals(b.inputFileId())).findFirst();
        BatchStatus batch = existing.isPresent() ? existing.get() : api.create(file.inputFileId(), file.endpoint(), metadata);
        records.submitted(file.key(), batch.id(), batch.status(), clock.millis() + poll.delayBefore(1).toMillis());
        askedHere.add(file.key());
        LOG.info("batch {}: {} lines of {} submitted ({})", batch.id(), file.lines(), file.endpoint(), batch.status());
    }

    private void poll(BatchRecords.FileRow file) throws Exception {
        askedHere.add(file.key());
        BatchStatus status;
        try {
            status = api.get(file.batchId());
        } catch (BatchApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            // the provider does not know the batch (any more): its lines will never be made there
            LOG.warn("batch {}: the image service does not know this batch (HTTP 404); its briefs go on as batch-on-expiry says", file.batchId());
            status = BatchStatus.gone(file.batchId());
        }
        int polls = file.polls() + 1;
        records.polled(file.key(), status.status(), polls, clock.millis() + poll.delayBefore(polls + 1).toMillis());
        if (status.ended()) {
            LOG.info("batch {} {}: {} of {} lines done, {} failed", status.id(), status.status(), status.completed(), status.total(), status.failed());
            records.fileState(file.key(), "ended");
            results.read(records.fileOfBatch(file.batchId()).orElse(file), status);
        }
    }

    /** Cancels a batch of this pipeline (batch cancel ID): it ends as cancelled and its unfinished briefs go on as batch-on-expiry says. */
    public BatchStatus cancel(String batchId) throws BatchApiException {
        if (records.fileOfBatch(batchId).isEmpty()) {
            throw new BatchApiException("There is no batch " + batchId + " of this pipeline: see batch list.", false, 404, null);
        }
        return api.cancel(batchId);
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String what, Step step) {
        try {
            step.run();
            lastProblem.remove(what);
        } catch (Exception e) {
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!problem.equals(lastProblem.put(what, problem))) {
                LOG.warn("batch file {}: {} (tried again at the next turn)", what, problem);
            }
        }
    }
}
