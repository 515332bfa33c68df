package io.brief2image.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the batch tables of every store backend must do ({@link EmbeddedBatchFilesTest},
 * {@link PostgresBatchFilesTest}): a brief is recorded with all its lines or none, and on a store
 * shared by several instances each file is acted on by its owner only, until the owner stops beating
 * for a lease: then one other instance takes it (at the provider: any; open or closed: one that can read it).
 */
abstract class BatchFilesContract extends OpenStoreFixture {

    @Test
    void aBriefIsRecordedWithAllItsLinesOrNone() {
        BatchRecords batches = store.batches();
        batches.openFile("f1", "/v1/images/generations", "/tmp/f1.jsonl", "me");
        BatchRecords.BriefRow brief = new BatchRecords.BriefRow("b@1", "b", 2, "waiting", "{}", "{}", "{}");
        // the second line cannot be recorded (its key is taken): neither is, nor the brief, nor the file's size
        assertThatThrownBy(() -> batches.recordLines(brief, List.of(line("b@1/0", 1), line("b@1/0", 1)),
                List.of(new BatchRecords.FileSize("f1", 2, 200)))).isInstanceOf(RuntimeException.class);
        assertThat(batches.brief("b@1")).isEmpty();
        assertThat(batches.linesOfBrief("b@1")).isEmpty();
        assertThat(batches.file("f1").orElseThrow().lines()).isZero();

        batches.recordLines(brief, List.of(line("b@1/0", 1), line("b@1/1", 1)), List.of(new BatchRecords.FileSize("f1", 2, 200)));
        assertThat(batches.linesOfBrief("b@1")).hasSize(2);
        assertThat(batches.file("f1").orElseThrow().lines()).isEqualTo(2);
        assertThatThrownBy(() -> batches.recordLines(brief, List.of(line("b@1/1", 1)), List.of()))
                .as("a brief still waiting is in a batch already").isInstanceOf(RuntimeException.class);

        // the brief failed; made again (its missing image only), its earlier rows are replaced
        assertThat(batches.lineOutcome("b@1/0", "made", "{}")).isTrue();
        assertThat(batches.lineOutcome("b@1/1", "failed", "{}")).isTrue();
        assertThat(batches.briefState("b@1", "waiting", "failed")).isTrue();
        batches.recordLines(new BatchRecords.BriefRow("b@1", "b", 1, "waiting", "{}", "{}", "{}"), List.of(line("b@1/1", 1)),
                List.of(new BatchRecords.FileSize("f1", 3, 300)));
        assertThat(batches.linesOfBrief("b@1")).extracting(BatchRecords.LineRow::customId, BatchRecords.LineRow::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b@1/1", "pending"));
        assertThat(batches.brief("b@1").orElseThrow().tasks()).isEqualTo(1);
    }

    @Test
    void aLinesOutcomeAndItsSettledSpendAreRecordedTogetherAndOnce() {
        BatchRecords batches = store.batches();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 2);
        batches.openFile("f2", "/v1/images/generations", "/tmp/f2.jsonl", "me");
        batches.recordLines(new BatchRecords.BriefRow("s@1", "s", 2, "waiting", "{}", "{}", "{}"), List.of(line("s@1/0", 1), line("s@1/1", 1)),
                List.of(new BatchRecords.FileSize("f2", 2, 200)));
        assertThat(store.spend().reserve(day, 300, Long.MAX_VALUE / 4)).isTrue();

        assertThat(batches.lineOutcome("s@1/0", "made", "{}", new SpendLedger.DayChange(day, 40, -100))).isTrue();
        assertThat(batches.lineOutcome("s@1/1", "failed", "{}", new SpendLedger.DayChange(day, 0, -100))).isTrue();
        assertThat(store.spend().day(day)).extracting(SpendLedger.DaySpend::spentNanos, SpendLedger.DaySpend::reservedNanos)
                .containsExactly(40L, 100L);
        // read again after a restart: the outcome is there, so neither the line nor the spend changes twice
        assertThat(batches.lineOutcome("s@1/0", "made", "{}", new SpendLedger.DayChange(day, 40, -100))).isFalse();
        assertThat(store.spend().day(day)).extracting(SpendLedger.DaySpend::spentNanos, SpendLedger.DaySpend::reservedNanos)
                .containsExactly(40L, 100L);
    }

    @Test
    void onlyTheOwnerActsOnItsFilesUntilItStopsBeatingThenOneOtherTakesEach() throws Exception {
        BatchRecords batches = store.batches();
        store.heartbeats().beat("a", "");
        for (int i = 0; i < 12; i++) {
            batches.openFile("open-" + i, "/v1/images/generations", dir.resolve("open-" + i).toString(), "a");
            batches.openFile("closed-" + i, "/v1/images/generations", dir.resolve("closed-" + i).toString(), "a");
            batches.fileState("closed-" + i, "closed");
            batches.openFile("sent-" + i, "/v1/images/generations", dir.resolve("sent-" + i).toString(), "a");
            batches.submitted("sent-" + i, "batch_" + i, "in_progress", 0);
        }
        store.heartbeats().beat("b", "");
        assertThat(batches.files("submitted", "b")).isEmpty();
        assertThat(batches.files("submitted", "a")).hasSize(12);
        assertThat(batches.takeOverFiles("b", LEASE, f -> true)).as("a beats: nothing is taken").isZero();
        assertThat(batches.files("submitted", "a")).hasSize(12);

        clock.advance(LEASE.plusSeconds(1));
        List<String> takers = java.util.stream.IntStream.range(0, StoreContract.THREADS).mapToObj(i -> "t" + i).toList();
        takers.forEach(t -> store.heartbeats().beat(t, ""));
        Map<String, Integer> openTaken = new ConcurrentHashMap<>();
        // none of them can read the open and closed files: only the batches at the provider move
        StoreContract.race(takers.size(), i -> openTaken.merge(takers.get(i), batches.takeOverFiles(takers.get(i), LEASE, f -> false), Integer::sum));
        assertThat(openTaken.values().stream().mapToInt(Integer::intValue).sum()).isZero();
        assertThat(owners("submitted")).doesNotContainKey("a").doesNotContainKey("b");
        assertThat(owners("submitted").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
        assertThat(owners("open")).containsOnlyKeys("a");
        assertThat(owners("closed")).containsOnlyKeys("a");

        // one that can read them takes the open and closed files too, each file exactly once
        StoreContract.race(takers.size(), i -> openTaken.merge(takers.get(i), batches.takeOverFiles(takers.get(i), LEASE, f -> true), Integer::sum));
        assertThat(openTaken.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
        assertThat(owners("open")).doesNotContainKey("a");
        assertThat(owners("closed")).doesNotContainKey("a");
        assertThat(owners("closed").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
    }

    private Map<String, Long> owners(String state) {
        return store.batches().files(state).stream().collect(Collectors.groupingBy(BatchRecords.FileRow::owner, Collectors.counting()));
    }

    private static BatchRecords.NewLine line(String customId, int tasks) {
        return new BatchRecords.NewLine(customId, "f1", Integer.parseInt(customId.substring(customId.indexOf('/') + 1)), tasks, "{}");
    }
}
