package io.brief2image.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import dev.langchain4j.model.openai.OpenAiImageModel;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The three baseline clients, each doing the job brief2image does, minus the pipeline: read JSON
 * briefs from a folder, render each with one image call, write {@code outbox/<id>/<id>-1.png} and a
 * JSON sidecar (bytes, sha256, created), on a fixed pool of {@code concurrency} threads.
 * <p>
 * {@code Baseline <floor|sdk|langchain4j> <baseUrl> <inbox> <outbox> <concurrency>}; prints
 * {@code RESULT ok=<n> failed=<n> error=<first error>} and exits 0 when every brief was done.
 */
public final class Baseline {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    interface Client {
        /** Renders {@code prompt} and writes the image to {@code out}; returns the provider's request id or null. */
        void render(String prompt, OutputStream out) throws Exception;
    }

    private Baseline() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String baseUrl = args[1];
        Path inbox = Path.of(args[2]);
        Path outbox = Path.of(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        Client client = switch (kind) {
            case "floor" -> floor(baseUrl);
            case "sdk" -> sdk(baseUrl);
            case "langchain4j" -> langchain4j(baseUrl);
            default -> throw new IllegalArgumentException(kind);
        };
        List<Path> briefs;
        try (Stream<Path> files = Files.list(inbox)) {
            briefs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = briefs.stream().<Future<?>>map(brief -> pool.submit(() -> {
            try {
                one(client, brief, outbox);
                ok.incrementAndGet();
            } catch (Throwable e) {
                failed.incrementAndGet();
                firstError.compareAndSet(null, e.toString().replace('\n', ' '));
            }
        })).toList();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        System.out.println("RESULT ok=" + ok + " failed=" + failed + " error=" + firstError.get());
        System.out.flush();
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static void one(Client client, Path brief, Path outbox) throws Exception {
        String name = brief.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        JsonNode json = JSON.readTree(brief.toFile());
        String prompt = json.path("prompt").asText();
        Path dir = Files.createDirectories(outbox.resolve(id));
        Path image = dir.resolve(id + "-1.png");
        Path temp = dir.resolve("." + id + "-1.png.part");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long bytes;
        try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024), sha)) {
            client.render(prompt, out);
            bytes = out.count;
        }
        if (bytes == 0) {
            throw new IOException("empty image for " + id);
        }
        Files.move(temp, image, StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> sidecar = new LinkedHashMap<>();
        sidecar.put("brief_id", id);
        sidecar.put("image_id", id + "-1");
        sidecar.put("file", image.getFileName().toString());
        sidecar.put("bytes", bytes);
        sidecar.put("sha256", HexFormat.of().formatHex(sha.digest()));
        sidecar.put("prompt", prompt);
        sidecar.put("model", "gpt-image-2");
        sidecar.put("created", Instant.now().toString());
        Path sidecarTemp = dir.resolve("." + id + "-1.json.part");
        Files.write(sidecarTemp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sidecar));
        Files.move(sidecarTemp, dir.resolve(id + "-1.json"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** (a) The floor: JDK HttpClient, Jackson streaming the base64 straight into the file. */
    static Client floor(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(baseUrl + "/images/generations");
        return (prompt, out) -> {
            Map<String, Object> body = Map.of("model", "gpt-image-2", "prompt", prompt, "n", 1);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer sk-bench").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body(); JsonParser parser = FACTORY.createParser(in)) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + ": " + new String(in.readNBytes(2000)));
                }
                boolean found = false;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME && "b64_json".equals(parser.currentName()) && !found) {
                        parser.nextToken();
                        parser.readBinaryValue(out);
                        found = true;
                    }
                }
                if (!found) {
                    throw new IOException("no b64_json in the reply");
                }
            }
        };
    }

    /** (b) The official openai-java SDK. */
    static Client sdk(String baseUrl) {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-bench")
                .timeout(Duration.ofMinutes(10)).maxRetries(0).build();
        return (prompt, out) -> {
            ImagesResponse response = client.images().generate(ImageGenerateParams.builder()
                    .model("gpt-image-2").prompt(prompt).n(1L).build());
            String b64 = response.data().orElseThrow().get(0).b64Json().orElseThrow();
            out.write(Base64.getDecoder().decode(b64));
        };
    }

    /** (c) LangChain4j's OpenAiImageModel. */
    static Client langchain4j(String baseUrl) {
        OpenAiImageModel model = OpenAiImageModel.builder().baseUrl(baseUrl).apiKey("sk-bench")
                .modelName("gpt-image-2").timeout(Duration.ofMinutes(10)).maxRetries(0).build();
        return (prompt, out) -> {
            String b64 = model.generate(prompt).content().base64Data();
            if (b64 == null) {
                throw new IOException("no base64 data in the reply");
            }
            out.write(Base64.getDecoder().decode(b64));
        };
    }

    /** Counts and hashes what passes to the file, like brief2image's ImageSink. */
    static final class Counting extends FilterOutputStream {
        private final MessageDigest sha;
        long count;

        Counting(OutputStream out, MessageDigest sha) {
            super(out);
            this.sha = sha;
        }

        @Override
        public void write(int b) throws IOException {
            sha.update((byte) b);
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha.update(b, off, len);
            count += len;
            out.write(b, off, len);
        }
    }
}
