package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;
import io.brief2image.http.ProviderHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * OpenAI's Images API ({@code /images/generations}, {@code /images/edits}) and servers that speak it.
 * Only the fields the model table lists for the model are sent: GPT image models reject the rest.
 * The offline provider speaks the same wire format and also takes a {@code seed}.
 */
public final class OpenAiImagesProvider implements ImageProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IMAGE_FIELDS = Set.of("b64_json");

    private final ProviderHttp http;
    private final String baseUrl;
    private final String name;
    private final boolean sendsSeed;

    public OpenAiImagesProvider(ProviderHttp http, String baseUrl, String name, boolean sendsSeed) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.name = name;
        this.sendsSeed = sendsSeed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean honorsSeeds() {
        return sendsSeed;
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public ProviderResult generate(ImageRequest request, Supplier<Path> tempFiles) throws IOException {
        if (edits(request)) {
            return http.post(baseUrl + "/images/edits", multipart(request), null, (in, headers) ->
                    result(StreamingReply.read(in, IMAGE_FIELDS, tempFiles), request, headers));
        }
        return http.post(baseUrl + "/images/generations", JSON.writeValueAsString(body(request)), "application/json",
                (in, headers) -> result(StreamingReply.read(in, IMAGE_FIELDS, tempFiles), request, headers));
    }

    /** Whether the request goes to /images/edits (a base image, and a model that edits) rather than /images/generations. */
    public boolean edits(ImageRequest request) {
        return request.baseImage() != null && request.model().edits();
    }

    /**
     * The JSON body sent to /images/generations, which is also the body of a batch line: the Batch
     * API sends each line's body to the same endpoint, so both paths render the same request.
     */
    public ObjectNode requestBody(ImageRequest request) {
        return body(request);
    }

    private ObjectNode body(ImageRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", r.model().id());
        body.put("prompt", r.prompt());
        if (r.n() > 1 || r.model().takes("n")) {
            body.put("n", r.n());
        }
        putIfTaken(body, r, "size", r.size());
        putIfTaken(body, r, "quality", r.quality());
        putIfTaken(body, r, "style", r.style());
        putIfTaken(body, r, "output_format", r.outputFormat());
        putIfTaken(body, r, "background", r.background());
        if (r.model().takes("response_format")) {
            body.put("response_format", "b64_json");
        }
        if (sendsSeed && !r.seeds().isEmpty()) {
            body.put("seed", r.seeds().get(0));
        }
        return body;
    }

    private static void putIfTaken(ObjectNode body, ImageRequest r, String field, String value) {
        if (value != null && r.model().takes(field)) {
            body.put(field, value);
        }
    }

    private Object multipart(ImageRequest r) {
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .addBinaryBody("image[]", r.baseImage().toFile(), ContentType.parse(contentTypeOf(r.baseImage())),
                        r.baseImage().getFileName().toString())
                .addTextBody("model", r.model().id())
                .addTextBody("prompt", r.prompt(), ContentType.TEXT_PLAIN.withCharset("UTF-8"))
                .addTextBody("n", String.valueOf(r.n()));
        if (r.size() != null) {
            form.addTextBody("size", r.size());
        }
        if (r.quality() != null && r.model().takes("quality")) {
            form.addTextBody("quality", r.quality());
        }
        if (sendsSeed && !r.seeds().isEmpty()) {
            form.addTextBody("seed", String.valueOf(r.seeds().get(0)));
        }
        return form.build();
    }

    private static String contentTypeOf(Path image) {
        String name = image.getFileName().toString();
        return name.endsWith(".jpg") ? "image/jpeg" : name.endsWith(".webp") ? "image/webp" : "image/png";
    }

    private ProviderResult result(StreamingReply.Parsed reply, ImageRequest request, java.util.Map<String, Object> headers)
            throws MalformedReplyException {
        List<ProviderResult.Image> images = new ArrayList<>();
        int k = 0;
        for (JsonNode item : reply.tree().path("data")) {
            JsonNode mark = item.get("b64_json");
            if (mark == null || !mark.asText().startsWith(StreamingReply.IMAGE_MARK)) {
                continue;
            }
            Long seed = sendsSeed && !request.seeds().isEmpty() ? request.seeds().get(0) + k : null;
            images.add(new ProviderResult.Image(reply.image(mark), item.path("revised_prompt").asText(null), seed));
            k++;
        }
        if (images.size() < request.n()) {
            reply.images().forEach(image -> image.file().toFile().delete());
            throw new MalformedReplyException("the provider returned " + images.size() + " of " + request.n() + " images");
        }
        return new ProviderResult(images, reply.tree().get("usage"), ProviderHttp.header(headers, "x-request-id"));
    }
}
