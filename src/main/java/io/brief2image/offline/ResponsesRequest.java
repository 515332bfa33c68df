package io.brief2image.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A POST /v1/responses request with the image_generation tool. The prompt is the text of
 * {@code input}, which is either a string or a list of messages; the image options are the tool's.
 *
 * @param inputImages how many {@code input_image} parts the messages carry (they cost input tokens)
 */
record ResponsesRequest(String model, String prompt, ImageSize size, String outputFormat, ImageFormat format,
                        String quality, String background, long seed, int inputImages) {

    static ResponsesRequest parse(IncomingRequest request, ServedModels models) {
        ObjectNode body = request.requireJson();
        RequestParams params = RequestParams.ofJson(body);
        String model = params.textOr("model", models.defaultResponsesModel());
        models.require(model);
        if ("true".equalsIgnoreCase(params.text("stream"))) {
            // a plain JSON reply to a stream request would leave an SSE client with zero events
            throw ApiError.invalidValue("stream", "The offline provider does not stream Responses API replies; "
                    + "send stream: false (image streaming is served on /v1/images/generations and /v1/images/edits).");
        }
        String prompt = promptOf(body.get("input"));
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
        return new ResponsesRequest(model, prompt, size, outputFormat, format, quality,
                tool.textOr("background", "opaque"), seed, imageCount(body));
    }

    static RecordedRequest logged(IncomingRequest request) {
        RequestParams params = RequestParams.ofJson(request.json());
        RequestParams tool = RequestParams.ofNode(imageTool(request.json()));
        String prompt = request.json() == null ? null : promptOf(request.json().get("input"));
        return request.logged(params.text("model"), prompt, 1, params.longOrNull("seed"), tool.text("size"),
                imageCount(request.json()));
    }

    /** The text of all input_text parts (or plain string contents), joined by newlines. */
    private static String promptOf(JsonNode input) {
        if (input == null || input.isNull()) {
            return null;
        }
        if (input.isTextual()) {
            return input.asText();
        }
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            for (JsonNode message : input) {
                collectText(message, texts);
            }
        }
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    private static void collectText(JsonNode message, List<String> texts) {
        if (message.isTextual()) {
            texts.add(message.asText());
            return;
        }
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            texts.add(content.asText());
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if ((type.equals("input_text") || type.equals("text")) && part.hasNonNull("text")) {
                texts.add(part.get("text").asText());
            }
        }
    }

    private static int imageCount(JsonNode body) {
        JsonNode input = body == null ? null : body.get("input");
        int count = 0;
        if (input != null && input.isArray()) {
            for (JsonNode message : input) {
                for (JsonNode part : message.path("content")) {
                    if ("input_image".equals(part.path("type").asText())) {
                        count++;
                    }
                }
            }
        }
        return count;
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
