package io.brief2image.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Creates the schema of a new embedded store without Flyway, and records it exactly as Flyway would
 * (its history table, its marker row and one row per script with Flyway's checksum), so Flyway takes
 * the store over as if it had made it: a later migration runs on it, and {@code validate} passes
 * (EmbeddedStoreTest checks both). Loading and running Flyway on the first start of a service cost
 * about 1 s of its start on 2 cores (some 800 classes and a schema scan), for five CREATE TABLEs.
 */
final class NewEmbeddedStore {

    /** Every migration under db/store, oldest first (EmbeddedStoreTest: the list is the folder). */
    static final List<String> SCRIPTS = List.of("V1__shared_state.sql", "V2__batches.sql", "V3__fleet_view.sql", "V4__legacy_import.sql");
    static final String HISTORY = "store_schema_history";

    private NewEmbeddedStore() {
    }

    /** Creates the schema when the database has no table yet; false when it has some (Flyway's case then). */
    static boolean createIfEmpty(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            if (!r.next() || r.getInt(1) > 0) {
                return false;
            }
        }
        try (Statement s = c.createStatement()) {
            // Flyway's own DDL for its history table on H2 (as it makes it, names quoted)
            s.execute("CREATE TABLE \"public\".\"" + HISTORY + "\" (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50),"
                    + " \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL,"
                    + " \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL, \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                    + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL,"
                    + " CONSTRAINT \"" + HISTORY + "_pk\" PRIMARY KEY (\"installed_rank\"))");
            s.execute("CREATE INDEX \"public\".\"" + HISTORY + "_s_idx\" ON \"public\".\"" + HISTORY + "\" (\"success\")");
            s.execute("INSERT INTO \"public\".\"" + HISTORY + "\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                    + " \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (-1, NULL, '<< Flyway Schema History table created >>', 'TABLE', '', NULL, 'sa', 0, TRUE)");
        }
        int rank = 1;
        for (String script : SCRIPTS) {
            long begin = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM 'classpath:/db/store/" + script + "'");
            }
            record(c, rank++, script, (int) ((System.nanoTime() - begin) / 1_000_000));
        }
        return true;
    }

    private static void record(Connection c, int rank, String script, int millis) throws SQLException {
        String name = script.substring(0, script.length() - ".sql".length());
        String version = name.substring(1, name.indexOf("__"));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO \"public\".\"" + HISTORY + "\" (\"installed_rank\", \"version\","
                + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (?, ?, ?, 'SQL', ?, ?, 'sa', ?, TRUE)")) {
            p.setInt(1, rank);
            p.setString(2, version);
            p.setString(3, name.substring(name.indexOf("__") + 2).replace('_', ' '));
            p.setString(4, script);
            p.setInt(5, checksum(script));
            p.setInt(6, millis);
            p.executeUpdate();
        }
    }

    /** Flyway's checksum of a script: CRC32 over its lines' UTF-8 bytes, line breaks and a leading BOM left out. */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        try (InputStream in = NewEmbeddedStore.class.getResourceAsStream("/db/store/" + script)) {
            if (in == null) {
                throw new IllegalStateException("the store's schema script " + script + " is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store's schema script " + script, e);
        }
        return (int) crc.getValue();
    }
}
