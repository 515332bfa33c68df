package io.brief2image.batch;

import static io.brief2image.batch.BatchTestRig.QUICK;
import static io.brief2image.batch.BatchTestRig.request;
import static io.brief2image.batch.BatchTestRig.tempFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.render.ImageRequest;
import io.brief2image.render.ProviderResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload, create, poll, download against the offline provider over a real socket; images land on disk. */
class BatchRoundTripTest {

    static OfflineImageServer server;
    static BatchTestRig rig;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = OfflineImageServer.start(OfflineOptions.defaults().withFaults(true).withBatchDelayMillis(600));
        rig = new BatchTestRig(server);
    }

    @AfterAll
    static void stop() {
        rig.close();
        server.close();
    }

    @BeforeEach
    void clean() {
        server.faults().clear();
        server.clearRequests();
    }

    String submit(ImageRequest... requests) throws Exception {
        Path jsonl = dir.resolve("batch-" + System.nanoTime() + ".jsonl");
        try (BatchInputFile file = BatchInputFile.create(jsonl, BatchInputFile.GENERATIONS, BatchLimits.OPENAI)) {
            for (int i = 0; i < requests.length; i++) {
                assertThat(file.add("brief-" + i, rig.provider, requests[i])).isEqualTo(i + 1);
            }
        }
        UploadedFile uploaded = rig.api.upload(jsonl);
        assertThat(uploaded.bytes()).isEqualTo(Files.size(jsonl));
        BatchStatus created = rig.api.create(uploaded.id(), BatchInputFile.GENERATIONS,
                Map.of("pipeline", "brief2image", "instance", "test-1"));
        assertThat(created.metadata()).containsEntry("pipeline", "brief2image");
        return created.id();
    }

    List<BatchLine> download(String fileId) throws Exception {
        List<BatchLine> lines = new ArrayList<>();
        new BatchOutput(tempFiles(dir)).download(rig.api, fileId, BatchOutput.Progress.START, lines::add, p -> { });
        return lines;
    }

    @Test
    void imagesOfABatchLandOnDiskWithTheBytesTheSynchronousCallGives() throws Exception {
        String id = submit(request("a lighthouse at dawn", 11), request("a red bicycle", 12), request("two cats", 13));
        List<String> seen = new ArrayList<>();
        BatchStatus done = rig.api.awaitEnd(id, QUICK, status -> seen.add(status.status()));
        assertThat(done.status()).isEqualTo("completed");
        assertThat(seen).contains("completed");
        assertThat(done.total()).isEqualTo(3);
        assertThat(done.errorFileId()).isNull();

        List<BatchLine> lines = download(done.outputFileId());
        assertThat(lines).extracting(BatchLine::customId).containsExactly("brief-0", "brief-1", "brief-2");
        assertThat(lines).extracting(BatchLine::line).containsExactly(1L, 2L, 3L);
        for (BatchLine line : lines) {
            assertThat(line.succeeded()).isTrue();
            assertThat(line.usage().path("output_tokens").asInt()).isPositive();
            assertThat(line.images()).hasSize(1);
        }
        ProviderResult sync = rig.provider.generate(request("a red bicycle", 12), tempFiles(dir));
        BatchLine second = lines.get(1);
        assertThat(second.images().get(0).stored().sha256()).isEqualTo(sync.images().get(0).stored().sha256());
        assertThat(Files.readAllBytes(second.images().get(0).stored().file()))
                .isEqualTo(Files.readAllBytes(sync.images().get(0).stored().file()));

        RecordedRequest upload = server.requests().stream().filter(r -> r.path().equals("/v1/files")).reduce((a, b) -> b).orElseThrow();
        assertThat(upload.hadBearerToken()).isTrue();
        assertThat(rig.api.list()).extracting(BatchStatus::id).contains(id);
    }

    @Test
    void aFailedLineComesBackInTheErrorFileWithItsReasonInPlainWords() throws Exception {
        server.faults().next(Fault.batchLine(400, "moderation_blocked", "Your request was rejected by the safety system."));
        String id = submit(request("first", 1), request("second", 2));
        BatchStatus done = rig.api.awaitEnd(id, QUICK, s -> { });
        assertThat(done.completed()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(download(done.outputFileId())).extracting(BatchLine::customId).containsExactly("brief-1");

        List<BatchLine> errors = download(done.errorFileId());
        assertThat(errors).hasSize(1);
        BatchLine failed = errors.get(0);
        assertThat(failed.customId()).isEqualTo("brief-0");
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.errorCode()).isEqualTo("moderation_blocked");
        assertThat(failed.error()).contains("safety system").contains("Rephrase the prompt");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.images()).isEmpty();
    }

    @Test
    void anExpiredBatchKeepsItsFinishedImagesAndNamesTheRestAsUnfinished() throws Exception {
        server.faults().next(Fault.batchExpires());
        String id = submit(request("one", 1), request("two", 2), request("three", 3), request("four", 4));
        BatchStatus done = rig.api.awaitEnd(id, QUICK, s -> { });
        assertThat(done.status()).isEqualTo("expired");
        assertThat(done.endedShort()).isTrue();
        assertThat(download(done.outputFileId())).hasSize(2).allMatch(BatchLine::succeeded);
        List<BatchLine> unfinished = download(done.errorFileId());
        assertThat(unfinished).extracting(BatchLine::customId).containsExactly("brief-2", "brief-3");
        assertThat(unfinished).allMatch(BatchLine::unfinished).allMatch(BatchLine::retryable);
        assertThat(unfinished.get(0).error()).contains("24-hour window");
    }

    @Test
    void aFailedBatchSaysWhyAndHasNoFiles() throws Exception {
        server.faults().next(Fault.batchFails("token_limit_exceeded", "Enqueued token limit reached for gpt-image-2."));
        BatchStatus done = rig.api.awaitEnd(submit(request("one", 1)), QUICK, s -> { });
        assertThat(done.status()).isEqualTo("failed");
        assertThat(done.errors()).containsExactly("Enqueued token limit reached for gpt-image-2.");
        assertThat(done.outputFileId()).isNull();
        assertThat(done.errorFileId()).isNull();
    }

    @Test
    void aCancelledBatchEndsCancelledWithEveryLineAccountedFor() throws Exception {
        String id = submit(request("one", 1), request("two", 2), request("three", 3));
        BatchStatus cancelling = rig.api.cancel(id);
        assertThat(cancelling.status()).isIn("cancelling", "cancelled");
        BatchStatus done = rig.api.awaitEnd(id, QUICK, s -> { });
        assertThat(done.status()).isEqualTo("cancelled");
        List<BatchLine> all = new ArrayList<>();
        if (done.outputFileId() != null) {
            all.addAll(download(done.outputFileId()));
        }
        List<BatchLine> errors = download(done.errorFileId());
        assertThat(errors).isNotEmpty().allMatch(BatchLine::unfinished);
        assertThat(errors.get(0).error()).contains("cancelled");
        all.addAll(errors);
        assertThat(all).extracting(BatchLine::customId).containsExactlyInAnyOrder("brief-0", "brief-1", "brief-2");

        assertThatThrownBy(() -> rig.api.cancel(id)).isInstanceOf(BatchApiException.class)
                .hasMessageContaining("Could not cancel the batch");
    }

    @Test
    void aDownloadResumedAfterACrashPassesOverTheLinesAlreadyWritten() throws Exception {
        String id = submit(request("one", 1), request("two", 2), request("three", 3), request("four", 4));
        BatchStatus done = rig.api.awaitEnd(id, QUICK, s -> { });
        BatchOutput output = new BatchOutput(tempFiles(dir));
        List<BatchOutput.Progress> saved = new ArrayList<>();
        List<String> written = new ArrayList<>();
        assertThatThrownBy(() -> output.download(rig.api, done.outputFileId(), BatchOutput.Progress.START, line -> {
            if (written.size() == 2) {
                throw new IOException("disk gone (the crash)");
            }
            written.add(line.customId());
        }, saved::add)).hasRootCauseMessage("disk gone (the crash)");
        BatchOutput.Progress last = saved.get(saved.size() - 1);
        assertThat(last.lines()).isEqualTo(2);

        BatchOutput.Progress end = output.download(rig.api, done.outputFileId(), last, line -> written.add(line.customId()), saved::add);
        assertThat(written).containsExactly("brief-0", "brief-1", "brief-2", "brief-3");
        assertThat(end.lines()).isEqualTo(4);
        assertThat(end.bytes()).isGreaterThan(last.bytes());
    }

    @Test
    void aTransientFaultOnCreateIsRetriedWithoutMakingTwoBatches() throws Exception {
        server.faults().next(Fault.status(503, "server_error", "busy").forPath("/v1/batches"));
        String id = submit(request("once", 1));
        assertThat(rig.api.list().stream().filter(b -> b.id().equals(id))).hasSize(1);
        long made = server.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v1/batches")).count();
        assertThat(made).isEqualTo(2);
    }

    @Test
    void aPermanentFaultIsReportedInPlainWords() {
        assertThatThrownBy(() -> rig.api.get("batch_missing")).isInstanceOf(BatchApiException.class)
                .hasMessageStartingWith("Could not ask about the batch: The image service does not know");
    }
}
