package io.brief2image.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the state a version before the shared store kept in files into the store, once, at open:
 * the done briefs of {@code data/ledger/<id>.json} (so a brief dropped again after the upgrade is
 * answered from its earlier result, not made and billed again) and each day's spend of
 * {@code data/spend/<day>.spend} (so the day's budget still counts what was spent before the
 * upgrade). Each file is imported in one transaction with its row in {@code legacy_import}, so a
 * crash during the import neither loses nor doubles anything; the files are then moved, not deleted,
 * to {@code data/legacy-imported/}. A brief that was only started is not imported: as before, a brief
 * cut off by a crash is made again. Names are from the files' own folder, never a path from a brief.
 */
final class LegacyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyFiles.class);
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    /** What was brought in. */
    record Imported(int briefs, int days, long spentNanos) {
    }

    private final Path dataDir;
    private final Clock clock;

    LegacyFiles(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /**
     * Imports the files of an earlier version, if any, into the store being opened, before its pool is
     * handed out: no brief is admitted or reserved against a day whose earlier spend is not counted yet.
     * Says what was done after {@code opened} (what the opening did, or null).
     */
    static String importAtOpen(DataSource dataSource, StoreConfig config, Clock clock, String opened) throws IOException {
        LegacyFiles legacy = config.dataDir() == null ? null : new LegacyFiles(config.dataDir(), clock);
        if (legacy == null || !legacy.present()) {
            return opened;
        }
        Imported imported = legacy.importInto(new StoreAccess(CompletableFuture.completedFuture(dataSource), config.where()));
        String what = "imported " + imported.briefs() + " done briefs and " + imported.days() + " days of spend from an earlier version's files";
        return opened == null ? what : opened + ", " + what;
    }

    /** True when there is anything to import (two directory checks: nothing else runs on a current data folder). */
    boolean present() {
        return Files.isDirectory(dataDir.resolve("ledger")) || Files.isDirectory(dataDir.resolve("spend"));
    }

    Imported importInto(StoreAccess access) throws IOException {
        int briefs = 0;
        int days = 0;
        long spent = 0;
        for (Path file : files("ledger", ".json")) {
            byte[] bytes = Files.readAllBytes(file);
            if (importOnce(access, file, bytes, c -> brief(c, file, bytes))) {
                briefs++;
            }
        }
        for (Path file : files("spend", ".spend")) {
            LocalDate day = day(file);
            if (day == null) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            long nanos = spendNanos(new String(bytes, StandardCharsets.US_ASCII));
            if (importOnce(access, file, bytes, c -> JdbcSpendLedger.change(c, day, nanos, 0))) {
                days++;
                spent += nanos;
            }
        }
        moveAway("ledger");
        moveAway("spend");
        if (briefs + days > 0) {
            LOG.info("imported from the files of an earlier version: {} done briefs and the spend of {} days (${}); the files are kept under data/legacy-imported",
                    briefs, days, BigDecimal.valueOf(spent).divide(NANOS).stripTrailingZeros().toPlainString());
        }
        return new Imported(briefs, days, spent);
    }

    private interface Step {
        void run(Connection c) throws SQLException;
    }

    /** The file's content and its marker row in one transaction; false when this very file was imported before. */
    private boolean importOnce(StoreAccess access, Path file, byte[] bytes, Step step) {
        String name = file.getParent().getFileName() + "/" + file.getFileName() + " " + sha256(bytes);
        long now = clock.millis();
        return access.transaction("import " + file.getParent().getFileName() + " files of an earlier version", c -> {
            if (StoreAccess.update(c, "INSERT INTO legacy_import (name, imported_at) VALUES (?, ?) ON CONFLICT DO NOTHING", name, now) == 0) {
                return false;
            }
            step.run(c);
            return true;
        });
    }

    private void brief(Connection c, Path file, byte[] bytes) throws SQLException {
        JsonNode entry;
        try {
            entry = Json.MAPPER.readTree(bytes);
        } catch (IOException torn) {
            LOG.warn("a ledger file of an earlier version could not be read and is left out: {}", file.getFileName());
            return;
        }
        String id = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (!"done".equals(entry.path("status").asText()) || !entry.hasNonNull("result") || id.length() > 200) {
            return; // started only: made again when it comes back, as the earlier version did
        }
        StoreAccess.update(c, "INSERT INTO brief_ledger (brief_key, fingerprint, status, owner, lease_until, result, updated_at)"
                + " VALUES (?, ?, 'done', '', 0, ?, ?) ON CONFLICT DO NOTHING", id, entry.path("fingerprint").asText(),
                entry.get("result").toString(), clock.millis());
    }

    /**
     * A journal's spend as the earlier version read it: settled costs ({@code s <id> <usd>}, or a bare
     * amount in older journals) plus reservations that never had an outcome ({@code r <id> <usd>}
     * without its {@code s} or {@code x}: a request may have been paid when that process died).
     */
    static long spendNanos(String journal) {
        Map<String, BigDecimal> reserved = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String line : journal.split("\n")) {
            String[] parts = line.strip().split(" ");
            try {
                switch (parts[0]) {
                    case "r" -> reserved.put(parts[1], new BigDecimal(parts[2]));
                    case "s" -> {
                        reserved.remove(parts[1]);
                        total = total.add(new BigDecimal(parts[2]));
                    }
                    case "x" -> reserved.remove(parts[1]);
                    default -> total = total.add(new BigDecimal(parts[0]));
                }
            } catch (RuntimeException tornOrEmpty) {
                // a torn last line after a power cut, or an empty one: the earlier version skipped it too
            }
        }
        for (BigDecimal usd : reserved.values()) {
            total = total.add(usd);
        }
        return total.multiply(NANOS).longValue();
    }

    private List<Path> files(String folder, String suffix) throws IOException {
        Path dir = dataDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + suffix)) {
            List<Path> files = new java.util.ArrayList<>();
            entries.forEach(f -> {
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            });
            files.sort(null);
            return files;
        }
    }

    private static LocalDate day(Path file) {
        try {
            return LocalDate.parse(file.getFileName().toString().replaceFirst("\\.spend$", ""));
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    private void moveAway(String folder) throws IOException {
        Path dir = dataDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path kept = dataDir.resolve("legacy-imported");
        Files.createDirectories(kept);
        Path target = kept.resolve(folder);
        for (int n = 2; Files.exists(target); n++) {
            target = kept.resolve(folder + "-" + n);
        }
        Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
