package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.http.FaultClass;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.ProviderHttpException;
import io.brief2image.http.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * OpenAI's Files and Batches API over the project's HTTP layer ({@link ProviderHttp}, so the
 * component's timeouts and pool hold) with its retry policy: transient faults are tried again with
 * backoff, permanent ones end in a {@link BatchApiException} whose message a person understands.
 * Creating a batch is the one call that must not happen twice: before trying it again, the batches
 * listed are searched for one already made from the same input file.
 */
public final class BatchApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType JSONL = ContentType.create("application/jsonl");
    private static final int LIST_LIMIT = 100;

    private final ProviderHttp http;
    private final String baseUrl;
    private final RetryPolicy retry;

    /** @param baseUrl as OPENAI_BASE_URL, e.g. {@code https://api.openai.com/v1} */
    public BatchApi(ProviderHttp http, String baseUrl, RetryPolicy retry) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.retry = retry;
    }

    /** POST /files, purpose {@code batch}: the file is streamed from disk as the multipart body, never read into memory. */
    public UploadedFile upload(Path jsonl) throws BatchApiException {
        long size = sizeOf(jsonl);
        if (size > BatchLimits.OPENAI_MAX_BYTES) {
            throw new BatchApiException("The batch file is " + (size >> 20) + " MB; OpenAI takes at most 200 MB per batch file.",
                    false, 0, null);
        }
        return call("upload the batch file", () -> http.post(baseUrl + "/files",
                MultipartEntityBuilder.create()
                        .addTextBody("purpose", "batch")
                        .addBinaryBody("file", jsonl.toFile(), JSONL, jsonl.getFileName().toString())
                        .build(),
                null, (in, headers) -> UploadedFile.of(JSON.readTree(in))));
    }

    /** POST /batches with {@code completion_window: 24h}; {@code metadata} names the pipeline and instance (at most 16 entries). */
    public BatchStatus create(String inputFileId, String endpoint, Map<String, String> metadata) throws BatchApiException {
        ObjectNode request = JSON.createObjectNode();
        request.put("input_file_id", inputFileId);
        request.put("endpoint", endpoint);
        request.put("completion_window", "24h");
        ObjectNode meta = request.putObject("metadata");
        metadata.forEach(meta::put);
        String body = request.toString();
        int[] attempts = {0};
        return call("create the batch", () -> {
            if (attempts[0]++ > 0) {
                // the last attempt may have made the batch before its reply was lost
                for (BatchStatus existing : listOnce()) {
                    if (inputFileId.equals(existing.inputFileId())) {
                        return existing;
                    }
                }
            }
            return http.post(baseUrl + "/batches", body, "application/json", (in, headers) -> BatchStatus.of(JSON.readTree(in)));
        });
    }

    /** GET /batches/{id}. */
    public BatchStatus get(String batchId) throws BatchApiException {
        return call("ask about the batch", () -> http.get(baseUrl + "/batches/" + batchId, (in, headers) -> BatchStatus.of(JSON.readTree(in))));
    }

    /** POST /batches/{id}/cancel: the batch goes to cancelling, then cancelled with the lines done by then. */
    public BatchStatus cancel(String batchId) throws BatchApiException {
        return call("cancel the batch", () -> http.post(baseUrl + "/batches/" + batchId + "/cancel", "", "application/json",
                (in, headers) -> BatchStatus.of(JSON.readTree(in))));
    }

    /** GET /batches: the newest batches first (up to 100). */
    public List<BatchStatus> list() throws BatchApiException {
        return call("list the batches", this::listOnce);
    }

    private List<BatchStatus> listOnce() throws IOException {
        return http.get(baseUrl + "/batches?limit=" + LIST_LIMIT, (in, headers) -> {
            List<BatchStatus> batches = new ArrayList<>();
            for (JsonNode item : JSON.readTree(in).path("data")) {
                batches.add(BatchStatus.of(item));
            }
            return batches;
        });
    }

    /**
     * Polls until the batch has ended, waiting as {@code policy} says between polls (a poll that
     * fails transiently is simply tried at the next turn). {@code onPoll} sees every status.
     */
    public BatchStatus awaitEnd(String batchId, PollPolicy policy, Consumer<BatchStatus> onPoll)
            throws BatchApiException, InterruptedException {
        long deadline = System.nanoTime() + policy.giveUpAfter().toNanos();
        for (int poll = 1; ; poll++) {
            Thread.sleep(policy.delayBefore(poll).toMillis());
            BatchStatus status = get(batchId);
            onPoll.accept(status);
            if (status.ended()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new BatchApiException("Batch " + batchId + " has not ended after " + policy.giveUpAfter().toHours()
                        + " hours (status " + status.status() + "); it is still polled after a restart.", true, 0, null);
            }
        }
    }

    /** GET /files/{id}/content, handed to {@code reader} as a stream while the reply is open (one attempt). */
    public <T> T content(String fileId, ProviderHttp.ReplyHandler<T> reader) throws IOException {
        return http.get(baseUrl + "/files/" + fileId + "/content", reader);
    }

    /** The retry policy, for callers that retry a download themselves. */
    RetryPolicy retry() {
        return retry;
    }

    private <T> T call(String what, RetryPolicy.Attempt<T> attempt) throws BatchApiException {
        return retry.run(attempt, new Caller(what)).value();
    }

    private static long sizeOf(Path file) throws BatchApiException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BatchApiException("The batch file " + file.getFileName() + " cannot be read: " + e.getMessage(), false, 0, e);
        }
    }

    /** How a Batch API call judges its failures: as image calls do (FaultClass), with its own words. */
    record Caller(String what) implements RetryPolicy.Caller<BatchApiException> {

        @Override
        public RetryPolicy.Verdict judge(Exception failure) {
            if (!(failure instanceof IOException) && !(failure instanceof ProviderHttpException)) {
                return null;
            }
            Duration retryAfter = failure instanceof ProviderHttpException http ? http.retryAfter() : null;
            return new RetryPolicy.Verdict(FaultClass.of(failure).transientFault(), retryAfter);
        }

        @Override
        public BatchApiException failed(Exception failure, int attempts, boolean gaveUp) {
            FaultClass fault = FaultClass.of(failure);
            int status = failure instanceof ProviderHttpException http ? http.status() : 0;
            String sentence = "Could not " + what + ": " + (gaveUp ? fault.gaveUp(attempts) : fault.reason());
            return new BatchApiException(sentence, fault.transientFault(), status, failure);
        }

        @Override
        public BatchApiException interrupted() {
            return new BatchApiException("Stopped while waiting to " + what + " again.", true, 0, null);
        }
    }
}
