package io.brief2image.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.Fleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** What a fleet test reads back: the shared outbox's sidecars, the fleet's ledger in the shared store, each instance's ingested files, the provider's log. */
final class FleetRecords {

    private FleetRecords() {
    }

    static List<JsonNode> sidecars(Fleet fleet) {
        try (Stream<Path> files = Files.walk(fleet.outbox())) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().startsWith(".")).map(f -> {
                try {
                    return Json.MAPPER.readTree(f.toFile());
                } catch (IOException e) {
                    return null;
                }
            }).filter(s -> s != null).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a file renamed while the folder was walked: asked again at the next poll
        }
    }

    /**
     * The briefs an instance has begun and not finished, in the shared store's ledger: a brief is marked
     * started (owner: the instance, named by its instance-id) before anything is paid for and done after
     * the outbox is written, so after a kill these are the only ones another instance may make (and pay
     * for) again. Read at once after the kill, before the lease hands them to others.
     */
    static int notDone(Fleet fleet, Fleet.Instance instance) throws SQLException {
        return count(fleet, "SELECT COUNT(*) FROM brief_ledger WHERE status = 'started' AND owner LIKE ?", instance.id() + "-%");
    }

    /** Briefs the fleet's ledger holds as done. */
    static int done(Fleet fleet) throws SQLException {
        return count(fleet, "SELECT COUNT(*) FROM brief_ledger WHERE status = ?", "done");
    }

    /** Briefs done by one instance (the ledger keeps who made each). */
    static int doneBy(Fleet fleet, Fleet.Instance instance) throws SQLException {
        return count(fleet, "SELECT COUNT(*) FROM brief_ledger WHERE status = 'done' AND owner LIKE ?", instance.id() + "-%");
    }

    private static int count(Fleet fleet, String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(fleet.dbUrl(), "postgres", "");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Inbox files the instance moved to its data/ingested/ folder. */
    static long ingested(Fleet.Instance instance) {
        Path ingested = instance.data().resolve("ingested");
        if (!Files.isDirectory(ingested)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(ingested)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static int requestedBriefs(OfflineImageServer provider) {
        return (int) provider.requests().stream().filter(r -> r.prompt() != null).map(FleetRecords::briefOf).distinct().count();
    }

    /** The brief id a request is for: the word before "marker" (the caption puts words such as "Photo of" before it). */
    static String briefOf(RecordedRequest request) {
        String head = request.prompt().substring(0, request.prompt().indexOf(" marker"));
        return head.substring(head.lastIndexOf(' ') + 1);
    }
}
