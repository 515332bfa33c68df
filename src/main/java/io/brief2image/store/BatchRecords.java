package io.brief2image.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Batch API's state in the store (tables batch_file, batch_brief, batch_line): open and submitted
 * batch files, the line → brief mapping, each line's outcome and the download progress. It knows
 * nothing of briefs or the provider: texts and numbers the batch package writes and reads back after
 * a restart. A line is recorded in one transaction with its brief and its file's new size, so a file
 * reopened after a crash is cut back to what the store knows.
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

    /** A line to record, with its brief (recorded with its first line). */
    public record NewLine(String customId, BriefRow brief, int firstTask, int taskCount, String reservation) {
    }

    private static final String FILE_COLUMNS = "file_key, endpoint, path, owner, state, lines, bytes, opened_at, input_file_id, batch_id,"
            + " batch_status, polls, next_poll_at, output_lines, output_bytes, error_lines, error_bytes";
    private static final String LINE_COLUMNS = "custom_id, brief_key, file_key, first_task, task_count, reservation, state, result";

    private final StoreAccess access;
    private final Clock clock;

    BatchRecords(StoreAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public void openFile(String key, String endpoint, String path, String owner) {
        long now = clock.millis();
        access.call("record a batch file", c -> update(c, "INSERT INTO batch_file (" + FILE_COLUMNS + ", updated_at) VALUES"
                + " (?, ?, ?, ?, 'open', 0, 0, ?, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, ?)", key, endpoint, path, owner, now, now));
    }

    public boolean lineRecorded(String customId) {
        return line(customId).isPresent();
    }

    /** The line, its brief (when new) and its file's size, in one transaction. */
    public void recordLine(NewLine line, String fileKey, int fileLines, long fileBytes) {
        long now = clock.millis();
        BriefRow b = line.brief();
        access.transaction("record a batch line", c -> {
            if (brief(c, b.key()).isEmpty()) {
                update(c, "INSERT INTO batch_brief (brief_key, brief_id, tasks, state, message, headers, plan, created_at)"
                        + " VALUES (?, ?, ?, 'waiting', ?, ?, ?, ?)", b.key(), b.briefId(), b.tasks(), b.message(), b.headers(), b.plan(), now);
            }
            update(c, "INSERT INTO batch_line (" + LINE_COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', NULL, ?)",
                    line.customId(), b.key(), fileKey, line.firstTask(), line.taskCount(), line.reservation(), now);
            update(c, "UPDATE batch_file SET lines = ?, bytes = ?, updated_at = ? WHERE file_key = ?", fileLines, fileBytes, now, fileKey);
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

    public List<FileRow> files(String state) {
        return access.call("read the batch files", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM batch_file WHERE state = ? ORDER BY opened_at")) {
                s.setString(1, state);
                return fileRows(s);
            }
        });
    }

    /** Every file not done yet, for the status page and {@code batch list}; one try. */
    public List<FileRow> unfinishedFiles() {
        return access.once("read the batch files", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM batch_file WHERE state <> 'done' ORDER BY opened_at")) {
                return fileRows(s);
            }
        });
    }

    public Optional<FileRow> file(String key) {
        return access.call("read a batch file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM batch_file WHERE file_key = ?")) {
                s.setString(1, key);
                return fileRows(s).stream().findFirst();
            }
        });
    }

    public Optional<FileRow> fileOfBatch(String batchId) {
        return access.call("read a batch file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM batch_file WHERE batch_id = ?")) {
                s.setString(1, batchId);
                return fileRows(s).stream().findFirst();
            }
        });
    }

    public void fileState(String key, String state) {
        set(key, "state = ?", state);
    }

    /** Open files of an instance that died (the embedded store after a restart) become this instance's. */
    public void adoptOpenFiles(String owner) {
        access.call("adopt the open batch files", c -> update(c, "UPDATE batch_file SET owner = ? WHERE state = 'open'", owner));
    }

    public void uploaded(String key, String inputFileId) {
        set(key, "state = 'uploaded', input_file_id = ?", inputFileId);
    }

    public void submitted(String key, String batchId, String status, long nextPollAt) {
        long now = clock.millis();
        access.call("record a batch", c -> update(c, "UPDATE batch_file SET state = 'submitted', batch_id = ?, batch_status = ?,"
                + " next_poll_at = ?, updated_at = ? WHERE file_key = ?", batchId, status, nextPollAt, now, key));
    }

    public void polled(String key, String status, int polls, long nextPollAt) {
        long now = clock.millis();
        access.call("record a poll", c -> update(c, "UPDATE batch_file SET batch_status = ?, polls = ?, next_poll_at = ?, updated_at = ?"
                + " WHERE file_key = ?", status, polls, nextPollAt, now, key));
    }

    /** How far the output ({@code errors} false) or error file was read: lines handed on and bytes consumed. */
    public void progress(String key, boolean errors, long lines, long bytes) {
        set(key, errors ? "error_lines = ?, error_bytes = ?" : "output_lines = ?, output_bytes = ?", lines, bytes);
    }

    public Optional<LineRow> line(String customId) {
        return access.call("read a batch line", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM batch_line WHERE custom_id = ?")) {
                s.setString(1, customId);
                return lineRows(s).stream().findFirst();
            }
        });
    }

    /** Records a pending line's outcome; false when it had one already (a line read twice is handled once). */
    public boolean lineOutcome(String customId, String state, String result) {
        long now = clock.millis();
        return access.call("record a batch line's outcome", c -> update(c, "UPDATE batch_line SET state = ?, result = ?, updated_at = ?"
                + " WHERE custom_id = ? AND state = 'pending'", state, result, now, customId)) == 1;
    }

    public List<LineRow> linesOfFile(String fileKey, String state) {
        return access.call("read a batch's lines", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM batch_line WHERE file_key = ? AND state = ?"
                    + " ORDER BY custom_id")) {
                s.setString(1, fileKey);
                s.setString(2, state);
                return lineRows(s);
            }
        });
    }

    public List<LineRow> linesOfBrief(String briefKey) {
        return access.call("read a brief's batch lines", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM batch_line WHERE brief_key = ? ORDER BY first_task")) {
                s.setString(1, briefKey);
                return lineRows(s);
            }
        });
    }

    public Optional<BriefRow> brief(String key) {
        return access.call("read a batch brief", c -> brief(c, key));
    }

    /** Moves a brief from {@code from} to {@code to}; false when another thread did first. */
    public boolean briefState(String key, String from, String to) {
        return access.call("record a batch brief's end", c -> update(c, "UPDATE batch_brief SET state = ? WHERE brief_key = ? AND state = ?",
                to, key, from)) == 1;
    }

    /** Lines not read back yet, in all files: the metric brief2image_batch_lines_pending. */
    public int pendingLines() {
        return access.once("count the pending batch lines", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM batch_line WHERE state = 'pending'");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** How many batches this pipeline made are in each status (as last polled); one try. */
    public java.util.Map<String, Integer> batchesByStatus() {
        return access.once("count the batches", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT batch_status, COUNT(*) FROM batch_file WHERE batch_id IS NOT NULL"
                    + " GROUP BY batch_status"); ResultSet r = s.executeQuery()) {
                java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
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

    private static Optional<BriefRow> brief(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT brief_key, brief_id, tasks, state, message, headers, plan FROM batch_brief"
                + " WHERE brief_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new BriefRow(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7))) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }

    private static List<FileRow> fileRows(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            List<FileRow> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new FileRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
                        r.getLong(7), r.getLong(8), r.getString(9), r.getString(10), r.getString(11), r.getInt(12), r.getLong(13),
                        r.getLong(14), r.getLong(15), r.getLong(16), r.getLong(17)));
            }
            return rows;
        }
    }

    private static List<LineRow> lineRows(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            List<LineRow> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new LineRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5), r.getString(6),
                        r.getString(7), r.getString(8)));
            }
            return rows;
        }
    }
}
