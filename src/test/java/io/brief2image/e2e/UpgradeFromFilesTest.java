package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.admission.Budget;
import io.brief2image.base.Json;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.store.BriefLedger;
import io.brief2image.store.SharedStore;
import io.brief2image.store.StoreConfig;
import io.brief2image.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder of a version before the shared store (done briefs in data/ledger, the day's spend in
 * data/spend) upgraded in place: a brief made before the upgrade is not made and billed again when it is
 * dropped again, and what was spent today before the upgrade still counts against today's budget.
 */
class UpgradeFromFilesTest {

    @TempDir
    static Path root;
    static OfflineImageServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = OfflineImageServer.start(OfflineOptions.defaults());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static RunningApp app() {
        return new RunningApp(root).set("provider", "openai").set("openai-base-url", server.baseUrl())
                .set("openai-api-key", "sk-test-upgrade").set("expansion", "rules").set("daily-budget-usd", "1.00");
    }

    static long requestsFor(String marker) {
        return server.requests().stream().filter(r -> r.prompt() != null && r.prompt().contains(marker)).count();
    }

    @Test
    void theLedgerAndTodaysSpendOfAnEarlierVersionCarryOver() throws Exception {
        String brief = "{\"id\": \"before-upgrade\", \"prompt\": \"upgrade marker lighthouse\", \"n\": 1}";
        try (RunningApp app = app().start()) {
            app.drop("before-upgrade.json", brief);
            app.awaitSidecars("before-upgrade", 1);
        }
        assertThat(requestsFor("upgrade marker")).isEqualTo(1);
        // what the earlier version left: its ledger file with the same done entry, a journal of today's
        // spend ($0.95 settled and reserved), and no store
        Path data = root.resolve("data");
        BriefLedger.Entry done;
        try (SharedStore store = SharedStore.open(new StoreConfig("", "", "", data, Duration.ofSeconds(30), 2), Clock.systemUTC())) {
            done = store.ledger().read("before-upgrade").orElseThrow();
        }
        deleteTree(data.resolve("store"));
        Files.createDirectories(data.resolve("ledger"));
        ObjectNode entry = Json.MAPPER.createObjectNode().put("fingerprint", done.fingerprint()).put("status", "done");
        entry.set("result", Json.MAPPER.readTree(done.result()));
        Files.write(data.resolve("ledger/before-upgrade.json"), Json.MAPPER.writeValueAsBytes(entry));
        Files.createDirectories(data.resolve("spend"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Files.writeString(data.resolve("spend/" + today + ".spend"), "r r1 0.60\ns r1 0.55\nr r2 0.40\n");

        try (RunningApp app = app().start()) {
            Budget budget = app.bean("budget", Budget.class);
            assertThat(budget.spentTodayUsd()).as("the earlier version's spend today").isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));

            app.drop("before-upgrade-again.json", brief);
            await().atMost(Duration.ofSeconds(30)).until(() -> app.bean("progress", io.brief2image.base.Progress.class).done() == 1);
            assertThat(requestsFor("upgrade marker")).as("made before the upgrade: answered from the ledger").isEqualTo(1);
            assertThat(app.failed().resolve("before-upgrade-again.json")).doesNotExist();

            // a new brief does not fit in what is left of today's $1.00: it waits, nothing is paid
            app.drop("after-upgrade.json", "{\"prompt\": \"after upgrade marker harbour\", \"n\": 1}");
            await().atMost(Duration.ofSeconds(30)).until(budget::paused);
            assertThat(requestsFor("after upgrade marker")).isZero();
            assertThat(budget.spentTodayUsd()).isLessThanOrEqualTo(1.00);
        }
        assertThat(root.resolve("data/legacy-imported/ledger/before-upgrade.json")).exists();
        assertThat(root.resolve("data/legacy-imported/spend/" + LocalDate.now(ZoneOffset.UTC) + ".spend")).exists();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
