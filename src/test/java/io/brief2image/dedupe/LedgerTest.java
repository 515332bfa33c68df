package io.brief2image.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.brief.Brief;
import io.brief2image.brief.ModelTable;
import io.brief2image.base.Source;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.BriefResult;
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
        return new Brief(id, "p", 1, true, null, null, null, ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow(),
                "png", null, null, true, null, null, null, null, null, null, replace, List.of(), List.of(),
                new Source("file", id + ".json", null, null, "json"), fingerprint, null);
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
