package io.brief2image.store;

import static io.brief2image.store.StoreAccess.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Batch API's state in the store (tables batch_file, batch_brief, batch_line): open and submitted
 * batch files, the line → brief mapping, each line's outcome and the download progress. It knows
 * nothing of briefs or the provider: texts and numbers the batch package writes and reads back after
 * a restart. A brief's lines are recorded in one transaction with the brief and their files' new
 * sizes, so a file reopened after a crash is cut back to what the store knows, and a brief is in a
 * batch with all its lines or with none.
 * <p>
 * Several instances may share these tables (PostgreSQL). Each file has an owner, the instance that
 * writes it on its own disk: only the owner acts on its files. A file whose owner stopped beating
 * ({@link Heartbeats}) for a lease is taken over ({@link #takeOverFiles}): one uploaded, submitted or
 * ended needs only its ids at the provider, so any instance goes on with it; one open or closed only
 * by an instance that can read it at its path.
 */
public final class BatchRecords {

    public record FileRow(String key, String endpoint, String path, String owner, String state, int lines, long bytes,
                          long openedAt, String inputFileId, String batchId, String batchStatus, int polls, long nextPollAt,
                          long outputLines, long outputBytes, long errorLines, long errorBytes) {
    }

    public record BriefRow(String key, String briefId, int tasks, String state, String message, String headers, String plan) {
    }

    public record LineRow(String customId, String briefKey, String fileKey, int firstTask, int taskCount, String reservation,
                          String state, String result) {
    }

    /** A line to record, in the file {@code fileKey}. */
    public record NewLine(String customId, String fileKey, int firstTask, int taskCount, String reservation) {
    }

    /** A file's size once the lines being recorded are in it. */
    public record FileSize(String fileKey, int lines, long bytes) {
    }

    /** The states in which a file needs nothing but its ids at the provider: any instance may carry it on. */
    private static final Set<String> AT_THE_PROVIDER = Set.of("uploaded", "submitted", "ended");

    private final StoreAccess access;
    private final Clock clock;

    BatchRecords(StoreAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public void openFile(String key, String endpoint, String path, String owner) {
        long now = clock.millis();
        access.call("record a batch file", c -> update(c, "INSERT INTO batch_file (" + BatchRows.FILE_COLUMNS + ", updated_at) VALUES"
                + " (?, ?, ?, ?, 'open', 0, 0, ?, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, ?)", key, endpoint, path, owner, now, now));
    }

    /**
     * A brief and all its lines, with their files' new sizes, in one transaction. The rows of an earlier
     * attempt of the same brief that ended (failed, or made now) are replaced; a brief still waiting is
     * refused (its lines are in a batch already).
     */
    public void recordLines(BriefRow brief, List<NewLine> lines, List<FileSize> sizes) {
        long now = clock.millis();
        access.transaction("record a brief's batch lines", c -> {
            Optional<BriefRow> earlier = BatchRows.brief(c, brief.key());
            if (earlier.isPresent() && "waiting".equals(earlier.get().state())) {
                throw new IllegalStateException("the batch brief " + brief.key() + " is in a batch already");
            }
            if (earlier.isPresent()) {
                update(c, "DELETE FROM batch_line WHERE brief_key = ?", brief.key());
                update(c, "DELETE FROM batch_brief WHERE brief_key = ?", brief.key());
            }
            update(c, "INSERT INTO batch_brief (brief_key, brief_id, tasks, state, message, headers, plan, created_at)"
                    + " VALUES (?, ?, ?, 'waiting', ?, ?, ?, ?)", brief.key(), brief.briefId(), brief.tasks(), brief.message(), brief.headers(),
                    brief.plan(), now);
            for (NewLine line : lines) {
                update(c, "INSERT INTO batch_line (" + BatchRows.LINE_COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', NULL, ?)",
                        line.customId(), brief.key(), line.fileKey(), line.firstTask(), line.taskCount(), line.reservation(), now);
            }
            for (FileSize size : sizes) {
                update(c, "UPDATE batch_file SET lines = ?, bytes = ?, updated_at = ? WHERE file_key = ?", size.lines(), size.bytes(), now,
                        size.fileKey());
            }
            return null;
        });
    }

    /** A line of an ended batch goes into another file (batch-on-expiry = batch), pending again. */
    public void moveLine(String customId, String fileKey, int fileLines, long fileBytes) {
        long now = clock.millis();
        access.transaction("move a batch line", c -> {
            update(c, "UPDATE batch_line SET file_key = ?, state = 'pending', result = NULL, updated_at = ? WHERE custom_id = ?",
                    fileKey, now, customId);
            update(c, "UPDATE batch_file SET lines = ?, bytes = ?, updated_at = ? WHERE file_key = ?", fileLines, fileBytes, now, fileKey);
            return null;
        });
    }

    /** The files in {@code state}, of every owner. */
    public List<FileRow> files(String state) {
        return access.call("read the batch files", c -> BatchRows.files(c, "WHERE state = ? ORDER BY opened_at", state));
    }

    /** The files in {@code state} that {@code owner} acts on. */
    public List<FileRow> files(String state, String owner) {
        return access.call("read the batch files", c -> BatchRows.files(c, "WHERE state = ? AND owner = ? ORDER BY opened_at", state, owner));
    }

    /**
     * Makes {@code owner} the owner of the files whose owner has not beaten for {@code lease} (it died, or
     * restarted as a new instance): those at the provider always, those open or closed only when
     * {@code readable} (their file is on this instance's disk). One taker wins each file.
     *
     * @return how many open files were taken (the caller reopens them)
     */
    public int takeOverFiles(String owner, Duration lease, Predicate<FileRow> readable) {
        long since = clock.millis() - lease.toMillis();
        List<FileRow> orphans = access.call("read the batch files of dead instances", c -> BatchRows.files(c,
                "WHERE state <> 'done' AND owner <> ? AND owner NOT IN (SELECT instance FROM heartbeat WHERE beat_at >= ?) ORDER BY opened_at",
                owner, since));
        int open = 0;
        for (FileRow file : orphans) {
            if (!AT_THE_PROVIDER.contains(file.state()) && !readable.test(file)) {
                continue; // on the dead instance's own disk: it carries on with it when it comes back
            }
            long now = clock.millis();
            boolean taken = access.call("take a batch file over", c -> update(c, "UPDATE batch_file SET owner = ?, updated_at = ?"
                    + " WHERE file_key = ? AND owner = ?", owner, now, file.key(), file.owner())) == 1;
            open += taken && "open".equals(file.state()) ? 1 : 0;
        }
        return open;
    }

    /** Every file not done yet, for the status page and {@code batch list}; one try. */
    public List<FileRow> unfinishedFiles() {
        return access.once("read the batch files", c -> BatchRows.files(c, "WHERE state <> 'done' ORDER BY opened_at"));
    }

    public Optional<FileRow> file(String key) {
        return access.call("read a batch file", c -> BatchRows.files(c, "WHERE file_key = ?", key).stream().findFirst());
    }

    public Optional<FileRow> fileOfBatch(String batchId) {
        return access.call("read a batch file", c -> BatchRows.files(c, "WHERE batch_id = ?", batchId).stream().findFirst());
    }

    public void fileState(String key, String state) {
        set(key, "state = ?", state);
    }

    public void uploaded(String key, String inputFileId) {
        set(key, "state = 'uploaded', input_file_id = ?", inputFileId);
    }

    public void submitted(String key, String batchId, String status, long nextPollAt) {
        set(key, "state = 'submitted', batch_id = ?, batch_status = ?, next_poll_at = ?", batchId, status, nextPollAt);
    }

    public void polled(String key, String status, int polls, long nextPollAt) {
        set(key, "batch_status = ?, polls = ?, next_poll_at = ?", status, polls, nextPollAt);
    }

    /** How far the output ({@code errors} false) or error file was read: lines handed on and bytes consumed. */
    public void progress(String key, boolean errors, long lines, long bytes) {
        set(key, errors ? "error_lines = ?, error_bytes = ?" : "output_lines = ?, output_bytes = ?", lines, bytes);
    }

    public Optional<LineRow> line(String customId) {
        return access.call("read a batch line", c -> BatchRows.lines(c, "WHERE custom_id = ?", customId).stream().findFirst());
    }

    /** Records a pending line's outcome; false when it had one already (a line read twice is handled once). */
    public boolean lineOutcome(String customId, String state, String result) {
        return lineOutcome(customId, state, result, null);
    }

    /**
     * A pending line's outcome and, with it in one transaction, its reservation settled or released
     * ({@code spend}, none: null). A process killed between two separate updates would leave the
     * reservation counting for good: the line is no longer pending, so nothing settles it again.
     */
    public boolean lineOutcome(String customId, String state, String result, SpendLedger.DayChange spend) {
        long now = clock.millis();
        return access.transaction("record a batch line's outcome", c -> {
            boolean first = update(c, "UPDATE batch_line SET state = ?, result = ?, updated_at = ?"
                    + " WHERE custom_id = ? AND state = 'pending'", state, result, now, customId) == 1;
            if (first && spend != null) {
                JdbcSpendLedger.change(c, spend.day(), spend.spentNanos(), spend.reservedNanos());
            }
            return first;
        });
    }

    public List<LineRow> linesOfFile(String fileKey, String state) {
        return access.call("read a batch's lines", c -> BatchRows.lines(c, "WHERE file_key = ? AND state = ? ORDER BY custom_id", fileKey, state));
    }

    public List<LineRow> linesOfBrief(String briefKey) {
        return access.call("read a brief's batch lines", c -> BatchRows.lines(c, "WHERE brief_key = ? ORDER BY first_task", briefKey));
    }

    public Optional<BriefRow> brief(String key) {
        return access.call("read a batch brief", c -> BatchRows.brief(c, key));
    }

    /** Moves a brief from {@code from} to {@code to}; false when another thread did first. */
    public boolean briefState(String key, String from, String to) {
        return access.call("record a batch brief's end", c -> update(c, "UPDATE batch_brief SET state = ? WHERE brief_key = ? AND state = ?",
                to, key, from)) == 1;
    }

    /** Lines not read back yet, in all files: the metric brief2image_batch_lines_pending. */
    public int pendingLines() {
        return count("count the pending batch lines", "SELECT COUNT(*) FROM batch_line WHERE state = 'pending'");
    }

    /** Briefs whose images wait for a batch (their results come when it ends, also after a restart). */
    public int waitingBriefs() {
        return count("count the briefs waiting for a batch", "SELECT COUNT(*) FROM batch_brief WHERE state = 'waiting'");
    }

    private int count(String what, String sql) {
        return access.once(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** How many batches this pipeline made are in each status (as last polled); one try. */
    public Map<String, Integer> batchesByStatus() {
        return access.once("count the batches", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT batch_status, COUNT(*) FROM batch_file WHERE batch_id IS NOT NULL"
                    + " GROUP BY batch_status"); ResultSet r = s.executeQuery()) {
                Map<String, Integer> counts = new java.util.TreeMap<>();
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
                return counts;
            }
        });
    }

    private void set(String key, String assignments, Object... values) {
        Object[] all = new Object[values.length + 2];
        System.arraycopy(values, 0, all, 0, values.length);
        all[values.length] = clock.millis();
        all[values.length + 1] = key;
        access.call("update a batch file", c -> update(c, "UPDATE batch_file SET " + assignments + ", updated_at = ? WHERE file_key = ?", all));
    }
}
