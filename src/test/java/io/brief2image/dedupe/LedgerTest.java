package io.brief2image.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.brief.Brief;
import io.brief2image.brief.ModelTable;
import io.brief2image.base.Source;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.BriefResult;
import io.brief2image.base.PartialFiles;
import java.nio.file.Files;
import io.brief2image.store.SharedStore;
import io.brief2image.testing.EmbeddedStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    @TempDir
    Path root;

    private final java.util.List<SharedStore> stores = new java.util.ArrayList<>();

    /** The ledger of a service on root; a second call is a restart (the first one's store is closed). */
    Ledger ledger(Duration twinWait) {
        stores.forEach(SharedStore::close);
        stores.clear();
        SharedStore store = EmbeddedStores.open(root.resolve("data"), java.time.Clock.systemUTC());
        stores.add(store);
        return new Ledger(store.ledger(), store.instance(), store.lease(), root.resolve("outbox"), twinWait);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SharedStore::close);
    }

    static Brief brief(String id, String fingerprint, boolean replace) {
        return brief(id, fingerprint, replace, null);
    }

    static Brief brief(String id, String fingerprint, boolean replace, String messageId) {
        return new Brief(id, "p", 1, true, null, null, null, ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow(),
                "png", null, null, true, null, null, null, null, null, null, replace, io.brief2image.brief.Priority.NOW, List.of(), List.of(),
                new Source("file", id + ".json", null, messageId, "json"), fingerprint, null);
    }

    @Test
    void aMessageRedeliveredFromAnInstanceThatDiedAfterWritingTheSharedOutboxIsMadeAgain() throws Exception {
        // another instance wrote outbox/d for message ID:m-1, then died before its commit: its ledger is its own
        Path folder = Files.createDirectories(root.resolve("outbox/d"));
        Files.writeString(folder.resolve("d-1.json"), "{\"brief_id\": \"d\", \"source\": {\"channel\": \"file\", \"message_id\": \"ID:m-1\"}}");
        Ledger here = ledger(Duration.ofSeconds(1));
        assertThat(here.admit(brief("d", "f1", false, "ID:m-1"))).as("the same message, redelivered").isEmpty();
        here.abandon(brief("d", "f1", false, "ID:m-1"));
        assertThatThrownBy(() -> here.admit(brief("d", "f2", false, "ID:m-2"))).as("another brief reusing the id")
                .isInstanceOf(BriefFailure.class).hasMessageContaining("already used");

        // cut off between its first image and that image's sidecar: nobody's output yet
        Path unfinished = Files.createDirectories(root.resolve("outbox/e"));
        Files.write(unfinished.resolve("e-1.png"), new byte[] {1, 2, 3});
        assertThat(here.admit(brief("e", "f1", false, "ID:m-3"))).isEmpty();
    }

    @Test
    void doneBriefsAreAnsweredFromTheLedgerAcrossRestarts() {
        Ledger first = ledger(Duration.ofSeconds(1));
        assertThat(first.admit(brief("a", "f1", false))).isEmpty();
        first.record(brief("a", "f1", false), BriefResult.done("a", List.of(), null, false));

        Ledger restarted = ledger(Duration.ofSeconds(1));
        assertThat(restarted.admit(brief("a", "f1", false))).hasValueSatisfying(r -> assertThat(r.duplicate()).isTrue());
        assertThatThrownBy(() -> restarted.admit(brief("a", "f2", false))).isInstanceOf(BriefFailure.class)
                .hasMessageContaining("already used");
        assertThat(restarted.admit(brief("a", "f2", true))).isEmpty();
    }

    @Test
    void aBriefCutOffByACrashIsMadeAgainAndAFailedOneFreesItsId() {
        ledger(Duration.ofSeconds(1)).admit(brief("b", "f1", false)); // started, then the process died
        Ledger restarted = ledger(Duration.ofSeconds(1));
        assertThat(restarted.admit(brief("b", "f1", false))).isEmpty();
        restarted.abandon(brief("b", "f1", false));
        assertThat(restarted.admit(brief("b", "other", false))).isEmpty();
    }

    @Test
    void aTwinWaitsForTheBriefInProgressAndIsThenAnsweredAsDone() throws Exception {
        Ledger ledger = ledger(Duration.ofSeconds(30));
        ledger.admit(brief("c", "f1", false));
        CompletableFuture<Boolean> twin = CompletableFuture.supplyAsync(() -> ledger.admit(brief("c", "f1", false)).isPresent());
        assertThat(twin).isNotDone();
        ledger.record(brief("c", "f1", false), BriefResult.done("c", List.of(), null, false));
        assertThat(twin.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTwinThatWaitsTooLongIsToldWhy() {
        Ledger ledger = ledger(Duration.ofMillis(50));
        ledger.admit(brief("d", "f1", false));
        assertThatThrownBy(() -> ledger.admit(brief("d", "f1", false))).isInstanceOf(BriefFailure.class)
                .hasMessageContaining("is being made by another brief right now");
    }
}
