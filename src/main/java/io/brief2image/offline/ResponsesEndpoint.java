package io.brief2image.offline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /v1/responses with the image_generation tool: one image plus a revised prompt. */
final class ResponsesEndpoint implements ApiEndpoint {

    private final PreviewSource previews;
    private final ServedModels models;

    ResponsesEndpoint(PreviewSource previews, ServedModels models) {
        this.previews = previews;
        this.models = models;
    }

    @Override
    public String path() {
        return "/v1/responses";
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        return ResponsesRequest.logged(request);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        ResponsesRequest call = ResponsesRequest.parse(request, models);
        ImageBytes image = previews.preview(call.prompt(), call.seed(), null, call.size(), call.format());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "image_generation_call");
        output.put("id", Replies.randomId("ig_"));
        output.put("status", "completed");
        output.put("background", call.background());
        output.put("output_format", call.outputFormat());
        output.put("quality", call.quality());
        output.put("size", call.size().toString());
        output.put("revised_prompt", revise(call.prompt()));
        TokenUsage usage = TokenUsage.estimate(call.prompt(), call.inputImages(), call.size(), call.quality(), 1);
        return replies -> send(replies, call.model(), output, image, usage);
    }

    /** Visibly a rewrite, the way the mainline model elaborates prompts before calling the tool. */
    static String revise(String prompt) {
        return "Offline preview: " + prompt.trim() + ", centered composition, soft daylight";
    }

    private static void send(Replies replies, String model, Map<String, Object> call, ImageBytes image,
                             TokenUsage usage) throws java.io.IOException {
        Map<String, Object> usageBody = new LinkedHashMap<>();
        usageBody.put("input_tokens", usage.inputTokens());
        usageBody.put("input_tokens_details", Map.of("cached_tokens", 0));
        usageBody.put("output_tokens", usage.outputTokens());
        usageBody.put("output_tokens_details", Map.of("reasoning_tokens", 0));
        usageBody.put("total_tokens", usage.totalTokens());

        JsonReplyStream json = replies.stream();
        json.raw("{\"id\":").value(Replies.randomId("resp_"))
                .raw(",\"object\":\"response\",\"created_at\":" + Instant.now().getEpochSecond())
                .raw(",\"status\":\"completed\",\"model\":").value(model)
                .raw(",\"output\":[");
        String callJson = OfflineJson.MAPPER.writeValueAsString(call);
        // the call object is open so the streamed result can be appended as its last field
        json.raw(callJson.substring(0, callJson.length() - 1)).raw(",\"result\":").base64(image).raw("}]");
        json.raw(",\"usage\":").value(usageBody).raw("}").finish();
    }
}
