package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;
import io.brief2image.http.ProviderHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stable Diffusion WebUI's API: {@code /sdapi/v1/txt2img}, and {@code /sdapi/v1/img2img} to tune an
 * earlier image. Seeds are honoured, a batch uses consecutive seeds, and the seeds recorded are the
 * ones the server reports in {@code info}, not the ones asked for.
 */
public final class SdWebUiProvider implements ImageProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGES_FIELD = "images";
    /** The img2img-only option in a model row's api_options; the others go to both endpoints. */
    private static final String DENOISING_STRENGTH = "denoising_strength";
    private static final double DEFAULT_DENOISING_STRENGTH = 0.5;

    private final ProviderHttp http;
    private final String baseUrl;
    private final String name;

    /** {@code http} must carry no OpenAI key: that key is never sent to another server. */
    public SdWebUiProvider(ProviderHttp http, String baseUrl, String name) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean honorsSeeds() {
        return true;
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public ProviderResult generate(ImageRequest request, Supplier<Path> tempFiles) throws IOException {
        boolean tune = request.baseImage() != null && request.model().edits();
        String url = baseUrl + (tune ? "/sdapi/v1/img2img" : "/sdapi/v1/txt2img");
        return http.post(url, JSON.writeValueAsString(body(request, tune)), "application/json", (in, headers) ->
                result(StreamingReply.read(in, Set.of(IMAGES_FIELD), tempFiles), request, headers));
    }

    ObjectNode body(ImageRequest r, boolean tune) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("prompt", r.prompt());
        body.put("seed", r.seeds().isEmpty() ? -1 : r.seeds().get(0));
        Size size = Size.parse(r.size());
        body.put("width", size.width());
        body.put("height", size.height());
        body.put("batch_size", r.n());
        body.put("n_iter", 1);
        // WebUI puts a grid of the batch first unless told not to; brief2image wants the images alone
        body.put("do_not_save_grid", true);
        r.model().apiOptions().fields().forEachRemaining(option -> {
            if (tune || !option.getKey().equals(DENOISING_STRENGTH)) {
                body.set(option.getKey(), option.getValue());
            }
        });
        if (tune) {
            if (!body.has(DENOISING_STRENGTH)) {
                body.put(DENOISING_STRENGTH, DEFAULT_DENOISING_STRENGTH);
            }
            // the base image is one earlier output (a few MB at most), so holding it encoded in memory is fine
            body.putArray("init_images").add(Base64.getEncoder().encodeToString(Files.readAllBytes(r.baseImage())));
        }
        return body;
    }

    private ProviderResult result(StreamingReply.Parsed reply, ImageRequest request, Map<String, Object> headers)
            throws IOException {
        try {
            List<JsonNode> marks = new ArrayList<>();
            reply.tree().path(IMAGES_FIELD).forEach(marks::add);
            if (marks.size() < request.n()) {
                throw new MalformedReplyException("the provider returned " + marks.size() + " of " + request.n() + " images");
            }
            // a grid image, if the server sent one anyway, comes first: the batch is the last n
            List<JsonNode> batch = marks.subList(marks.size() - request.n(), marks.size());
            JsonNode info = reply.tree().get("info");
            SdWebUiInfo used = SdWebUiInfo.parse(info == null || info.isNull() ? null : info.asText());
            long asked = request.seeds().isEmpty() ? -1 : request.seeds().get(0);
            List<ProviderResult.Image> images = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                Long seed = used.seedOf(k, asked);
                if (seed == null) {
                    throw new MalformedReplyException("the provider picked a seed but its info does not say which");
                }
                images.add(new ProviderResult.Image(reply.image(batch.get(k)), null, seed));
            }
            for (int k = 0; k < marks.size() - request.n(); k++) {
                Files.deleteIfExists(reply.image(marks.get(k)).file());
            }
            return new ProviderResult(images, null, ProviderHttp.header(headers, "x-request-id"));
        } catch (IOException | RuntimeException e) {
            for (ImageSink.StoredImage stored : reply.images()) {
                Files.deleteIfExists(stored.file());
            }
            throw e;
        }
    }

    /** A model size such as 1344x768. */
    record Size(int width, int height) {
        static Size parse(String size) {
            String[] parts = size == null ? new String[0] : size.split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException("size '" + size + "' is not WIDTHxHEIGHT");
            }
            return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
    }
}
