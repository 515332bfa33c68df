package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;
import io.brief2image.http.ProviderHttp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * OpenAI's Responses API with the {@code image_generation} tool: a chat model ({@code mainlineModel})
 * reads the prompt, rewrites it and calls the image tool, so every image comes with the provider's
 * own {@code revised_prompt}. One image per call; the tool takes no seed.
 */
public final class ResponsesImageProvider implements ImageProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderHttp http;
    private final String baseUrl;
    private final String mainlineModel;

    public ResponsesImageProvider(ProviderHttp http, String baseUrl, String mainlineModel) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.mainlineModel = mainlineModel;
    }

    @Override
    public String name() {
        return "responses";
    }

    @Override
    public boolean honorsSeeds() {
        return false;
    }

    @Override
    public boolean batches() {
        return false;
    }

    @Override
    public ProviderResult generate(ImageRequest request, Supplier<Path> tempFiles) throws IOException {
        return http.post(baseUrl + "/responses", JSON.writeValueAsString(body(request)), "application/json", (in, headers) -> {
            StreamingReply.Parsed reply = StreamingReply.read(in, Set.of(ResponsesOutput.RESULT_FIELD), tempFiles);
            try {
                ProviderResult.Image image = ResponsesOutput.imageOf(reply);
                return new ProviderResult(List.of(image), reply.tree().get("usage"), ProviderHttp.header(headers, "x-request-id"));
            } catch (MalformedReplyException e) {
                for (ImageSink.StoredImage stored : reply.images()) {
                    Files.deleteIfExists(stored.file());
                }
                throw e;
            }
        });
    }

    ObjectNode body(ImageRequest r) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", mainlineModel);
        boolean edit = r.baseImage() != null && r.model().edits();
        if (edit) {
            body.set("input", promptWithImage(r.prompt(), r.baseImage()));
        } else {
            body.put("input", r.prompt());
        }
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("type", "image_generation");
        // named, so the image comes from the model the sidecar records, not the server's default
        tool.put("model", r.model().id());
        // only the fields the image model's row lists: GPT image models reject the rest
        putIfTaken(tool, r, "size", r.size());
        putIfTaken(tool, r, "quality", r.quality());
        putIfTaken(tool, r, "output_format", r.outputFormat());
        putIfTaken(tool, r, "background", r.background());
        return body;
    }

    /** A tune sends the earlier image as an input image beside the prompt, so the tool edits it. */
    private static ArrayNode promptWithImage(String prompt, Path baseImage) throws IOException {
        ArrayNode input = JSON.createArrayNode();
        ObjectNode message = input.addObject();
        message.put("role", "user");
        ArrayNode content = message.putArray("content");
        content.addObject().put("type", "input_text").put("text", prompt);
        // the base image is one earlier output (a few MB at most), so holding it encoded in memory is fine
        content.addObject().put("type", "input_image").put("image_url",
                "data:" + MediaType.ofFile(baseImage).mime() + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(baseImage)));
        return input;
    }

    private static void putIfTaken(ObjectNode tool, ImageRequest r, String field, String value) {
        if (value != null && r.model().takes(field)) {
            tool.put(field, value);
        }
    }
}
