package io.brief2image.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the rows of tables batch_file, batch_brief and batch_line into {@link BatchRecords}' records. */
final class BatchRows {

    static final String FILE_COLUMNS = "file_key, endpoint, path, owner, state, lines, bytes, opened_at, input_file_id, batch_id,"
            + " batch_status, polls, next_poll_at, output_lines, output_bytes, error_lines, error_bytes";
    static final String LINE_COLUMNS = "custom_id, brief_key, file_key, first_task, task_count, reservation, state, result";

    private BatchRows() {
    }

    static List<BatchRecords.FileRow> files(Connection c, String where, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM batch_file " + where)) {
            bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                List<BatchRecords.FileRow> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new BatchRecords.FileRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getInt(6), r.getLong(7), r.getLong(8), r.getString(9), r.getString(10), r.getString(11), r.getInt(12),
                            r.getLong(13), r.getLong(14), r.getLong(15), r.getLong(16), r.getLong(17)));
                }
                return rows;
            }
        }
    }

    static List<BatchRecords.LineRow> lines(Connection c, String where, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + LINE_COLUMNS + " FROM batch_line " + where)) {
            bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                List<BatchRecords.LineRow> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new BatchRecords.LineRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5),
                            r.getString(6), r.getString(7), r.getString(8)));
                }
                return rows;
            }
        }
    }

    static Optional<BatchRecords.BriefRow> brief(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT brief_key, brief_id, tasks, state, message, headers, plan FROM batch_brief"
                + " WHERE brief_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new BatchRecords.BriefRow(r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7))) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }
}
