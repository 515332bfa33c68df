package io.brief2image.batch;

import io.brief2image.store.BatchRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's open batch input files under data/batches, one per endpoint, as the store records
 * them. A file's lines count in the store only once their brief's transaction committed; one reopened
 * (after a crash, or after a write failed) is cut back to the store's size. Not thread safe: the
 * {@link BatchCollector} calls it under its lock.
 */
final class OpenBatchFiles {

    /** An open file and when it was opened (for batch-max-wait). */
    record Open(String key, BatchInputFile file, long openedAt) {
    }

    private final BatchRecords records;
    private final Path dir;
    private final BatchLimits limits;
    private final Duration maxWait;
    private final Duration maxQuiet;
    private final String instance;
    private final Clock clock;
    private final Map<String, Open> open = new HashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private boolean adopted;

    /** Per open file: its line count at the last tick and since when it has stood there (batch-max-quiet). */
    private final Map<String, long[]> stillSince = new HashMap<>();

    OpenBatchFiles(BatchRecords records, Path dataDir, BatchLimits limits, Duration maxWait, Duration maxQuiet, String instance, Clock clock) {
        this.records = records;
        this.dir = dataDir.resolve("batches");
        this.limits = limits;
        this.maxWait = maxWait;
        this.maxQuiet = maxQuiet;
        this.instance = instance;
        this.clock = clock;
    }

    /** The open file of an endpoint, a new one when there is none. */
    Open openFor(String endpoint) throws IOException {
        adoptOnce();
        Open file = open.get(endpoint);
        if (file != null) {
            return file;
        }
        Files.createDirectories(dir);
        long now = clock.millis();
        // the counter tells apart two files opened in the same millisecond (one filled by a brief's lines, the next)
        String key = instance.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + (BatchInputFile.EDITS.equals(endpoint) ? "edits" : "generations")
                + "-" + now + "-" + opened.incrementAndGet();
        Path path = dir.resolve(key + ".jsonl");
        BatchInputFile created = BatchInputFile.create(path, endpoint, limits);
        records.openFile(key, endpoint, path.toAbsolutePath().toString(), instance);
        file = new Open(key, created, now);
        open.put(endpoint, file);
        return file;
    }

    /** Takes a full file out of the open ones without closing it: the lines just written to it are not recorded yet. */
    void setAside(String endpoint) {
        open.remove(endpoint);
    }

    /** Closes a file: due for upload, or done when it has no line. */
    void close(Open file) {
        open.remove(file.file().endpoint(), file);
        try {
            file.file().close();
        } catch (IOException e) {
            throw new UncheckedIOException("the batch file " + file.key() + " could not be closed", e);
        }
        records.fileState(file.key(), file.file().lines() == 0 ? "done" : "closed");
    }

    /** Closes every open file that has lines, whatever its limits: --once leaves nothing unsent. */
    void closeAll() {
        adoptOnce();
        for (Open file : Map.copyOf(open).values()) {
            if (file.file().lines() > 0) {
                close(file);
            }
        }
    }

    void closeIfFull(String endpoint) {
        Open file = open.get(endpoint);
        if (file != null && file.file().full()) {
            close(file);
        }
    }

    /**
     * Closes the open files that reached a limit, waited {@code batch-max-wait}, or took no line for
     * {@code batch-max-quiet}: they are due for upload. A batch costs the same however few lines it has,
     * so once a run of briefs has stopped coming there is nothing to gain by holding its lines back.
     */
    void closeDue() {
        adoptOnce();
        long now = clock.millis();
        stillSince.keySet().retainAll(open.values().stream().map(Open::key).toList());
        for (Open file : Map.copyOf(open).values()) {
            boolean nearlyFull = file.file().bytes() > limits.maxBytes() - Math.min(limits.maxBytes() / 20, 1024 * 1024);
            long[] still = stillSince.compute(file.key(), (k, seen) -> seen != null && seen[0] == file.file().lines() ? seen
                    : new long[] {file.file().lines(), now});
            boolean quiet = maxQuiet.toMillis() > 0 && now - still[1] >= maxQuiet.toMillis();
            if (file.file().lines() > 0 && (nearlyFull || file.file().full() || quiet || now - file.openedAt() >= maxWait.toMillis())) {
                close(file);
            }
        }
    }

    int openLines() {
        return open.values().stream().mapToInt(o -> o.file().lines()).sum();
    }

    /** Drops a file whose state on disk is in doubt: it is reopened from the store's record, cut back to it. */
    void forget(Open file) {
        open.remove(file.file().endpoint(), file);
        try {
            file.file().close();
        } catch (IOException ignored) {
            // reopened from the store's record
        }
        adopted = false;
    }

    /** The store has open files for this instance that it does not hold (taken over from a dead one): they are reopened. */
    void adoptAgain() {
        adopted = false;
    }

    /** This instance's open files in the store (left by a crash, taken over, or forgotten after a write failed), cut back to their recorded size. */
    private void adoptOnce() {
        if (adopted) {
            return;
        }
        for (BatchRecords.FileRow row : records.files("open", instance)) {
            if (open.values().stream().anyMatch(o -> o.key().equals(row.key()))) {
                continue;
            }
            Path path = Path.of(row.path());
            try {
                if (!Files.exists(path)) {
                    records.fileState(row.key(), row.lines() == 0 ? "done" : "closed");
                    continue;
                }
                BatchInputFile file = BatchInputFile.reopenAt(path, row.endpoint(), limits, row.lines(), row.bytes());
                if (open.containsKey(row.endpoint())) {
                    // one open file per endpoint: this one, cut back to its recorded lines, is due for upload
                    file.close();
                    records.fileState(row.key(), row.lines() == 0 ? "done" : "closed");
                    continue;
                }
                open.put(row.endpoint(), new Open(row.key(), file, row.openedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException("the open batch file " + row.key() + " could not be reopened", e);
            }
        }
        adopted = true;
    }
}
