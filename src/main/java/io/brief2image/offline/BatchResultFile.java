package io.brief2image.offline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's output file (the lines that succeeded) or error file (the lines that failed, and those a
 * cancelled or expired batch never reached), produced line by line while it is sent: images are
 * rendered and base64-encoded straight into the stream, so a file of gigabytes is never held anywhere.
 * The outcomes were fixed when the batch was created, so every download gives the same lines.
 *
 * @param processed      how many lines (from the first) the batch worked through
 * @param errors         {@code true} for the error file, {@code false} for the output file
 * @param unfinishedCode the error code of the lines not processed (error file only), e.g. {@code batch_expired}
 */
record BatchResultFile(String batchId, List<BatchLineOutcome> outcomes, int processed, boolean errors,
                       String unfinishedCode, String unfinishedMessage, long created, PreviewSource previews)
        implements StoredFile.Content {

    @Override
    public void writeTo(OutputStream out) throws IOException {
        JsonReplyStream json = new JsonReplyStream(out);
        for (int i = 0; i < outcomes.size(); i++) {
            BatchLineOutcome outcome = outcomes.get(i);
            if (i >= processed) {
                if (errors && unfinishedCode != null) {
                    unfinishedLine(json, i, outcome);
                }
            } else if (outcome.succeeded() && !errors) {
                imageLine(json, i, outcome);
            } else if (!outcome.succeeded() && errors) {
                errorLine(json, i, outcome);
            }
        }
        json.finish();
    }

    private void opening(JsonReplyStream json, int index, BatchLineOutcome outcome) throws IOException {
        json.raw("{\"id\":").value("batch_req_" + suffix(index))
                .raw(",\"custom_id\":").value(outcome.input().customId());
    }

    private void imageLine(JsonReplyStream json, int index, BatchLineOutcome outcome) throws IOException {
        ImageOptions options = outcome.options();
        opening(json, index, outcome);
        json.raw(",\"response\":{\"status_code\":200,\"request_id\":").value("req_" + suffix(index)).raw(",\"body\":");
        TokenUsage usage = TokenUsage.estimate(options.prompt(), outcome.inputImages(), options.size(), options.quality(), options.n());
        ImagesReply.write(json, options.previews(previews, outcome.variant()), options.revisedPrompt(), usage, created);
        json.raw("},\"error\":null}\n");
    }

    private void errorLine(JsonReplyStream json, int index, BatchLineOutcome outcome) throws IOException {
        BatchLineOutcome.LineError error = outcome.error();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message", error.message());
        details.put("type", error.type());
        details.put("param", error.param());
        details.put("code", error.code());
        opening(json, index, outcome);
        json.raw(",\"response\":{\"status_code\":" + error.status() + ",\"request_id\":").value("req_" + suffix(index))
                .raw(",\"body\":").value(Map.of("error", details)).raw("},\"error\":null}\n");
    }

    private void unfinishedLine(JsonReplyStream json, int index, BatchLineOutcome outcome) throws IOException {
        opening(json, index, outcome);
        json.raw(",\"response\":null,\"error\":").value(Map.of("code", unfinishedCode, "message", unfinishedMessage))
                .raw("}\n");
    }

    private String suffix(int index) {
        return batchId.substring(batchId.indexOf('_') + 1) + "_" + (index + 1);
    }

    /** Produces the file once into a counter; only asked for by GET /v1/files/{id}. */
    @Override
    public long bytes() throws IOException {
        CountingSink counter = new CountingSink();
        writeTo(counter);
        return counter.count;
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
