package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        RequestParams params = RequestParams.ofJson(request.json());
        RequestParams tool = RequestParams.ofNode(imageTool(request.json()));
        String prompt = request.json() == null ? null : ResponsesInput.promptOf(request.json().get("input"));
        return new RecordedRequest(request.method(), request.path(), params.text("model"), prompt, 1,
                Describe.leniently(() -> params.longValue("seed")), tool.text("size"),
                request.hadBearerToken(), ResponsesInput.imageCount(request.json()), RequestFields.of(request));
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        ObjectNode body = request.requireJson();
        RequestParams params = RequestParams.ofJson(body);
        String model = params.textOr("model", models.defaultResponsesModel());
        models.require(model);
        if ("true".equalsIgnoreCase(params.text("stream"))) {
            // a plain JSON reply to a stream request would leave an SSE client with zero events
            throw ApiError.invalidValue("stream", "The offline provider does not stream Responses API replies; "
                    + "send stream: false (image streaming is served on /v1/images/generations and /v1/images/edits).");
        }
        String prompt = ResponsesInput.promptOf(body.get("input"));
        if (prompt == null || prompt.isBlank()) {
            throw ApiError.missing("input");
        }
        JsonNode toolNode = imageTool(body);
        if (toolNode == null) {
            throw ApiError.invalidValue("tools", "The offline provider only answers image_generation tool calls; "
                    + "add {\"type\":\"image_generation\"} to tools.");
        }
        RequestParams tool = RequestParams.ofNode(toolNode);
        ServedModels.Model imageModel = models.requireImage(tool.textOr("model", models.defaultImageModel()), "tools[].model");
        ImageSize size = models.size(imageModel, tool.text("size"));
        String outputFormat = tool.textOr("output_format", "png");
        ImageFormat format = ImageFormat.fromOutputFormat(outputFormat);
        String quality = tool.textOr("quality", "auto");
        Long requestedSeed = params.longValue("seed");
        long seed = requestedSeed == null ? PromptSeed.fromPrompt(prompt) : requestedSeed;

        ImageBytes image = previews.preview(prompt, seed, null, size, format);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("type", "image_generation_call");
        call.put("id", Replies.randomId("ig_"));
        call.put("status", "completed");
        call.put("background", tool.textOr("background", "opaque"));
        call.put("output_format", outputFormat);
        call.put("quality", quality);
        call.put("size", size.toString());
        call.put("revised_prompt", revise(prompt));
        TokenUsage usage = TokenUsage.estimate(prompt, ResponsesInput.imageCount(body), size, quality, 1);
        return replies -> send(replies, model, call, image, usage);
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
        String callJson = Json.MAPPER.writeValueAsString(call);
        // the call object is open so the streamed result can be appended as its last field
        json.raw(callJson.substring(0, callJson.length() - 1)).raw(",\"result\":").base64(image).raw("}]");
        json.raw(",\"usage\":").value(usageBody).raw("}").finish();
    }

    private static JsonNode imageTool(ObjectNode body) {
        JsonNode tools = body == null ? null : body.get("tools");
        if (tools == null || !tools.isArray()) {
            return null;
        }
        for (JsonNode tool : tools) {
            if ("image_generation".equals(tool.path("type").asText())) {
                return tool;
            }
        }
        return null;
    }
}
