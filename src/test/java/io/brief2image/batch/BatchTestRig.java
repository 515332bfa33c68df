package io.brief2image.batch;

import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.http.ProviderConnections;
import io.brief2image.http.ProviderHttp;
import io.brief2image.http.RetryPolicy;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.render.ImageRequest;
import io.brief2image.render.OpenAiImagesProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.impl.DefaultCamelContext;

/** The client side over a real socket to an offline provider, wired as the app wires provider calls. */
final class BatchTestRig implements AutoCloseable {

    static final ModelSpec GPT_IMAGE_2 = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();
    static final PollPolicy QUICK = new PollPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 1.5, Duration.ofSeconds(30));

    final DefaultCamelContext context = new DefaultCamelContext();
    final ProviderHttp http;
    final BatchApi api;
    final OpenAiImagesProvider provider;

    BatchTestRig(OfflineImageServer server) {
        ProviderConnections.configure(context, 60, 4, () -> { });
        context.start();
        http = new ProviderHttp(context, "sk-batch-test");
        api = new BatchApi(http, server.baseUrl(), new RetryPolicy(3, 20));
        provider = new OpenAiImagesProvider(http, server.baseUrl(), "offline", true);
    }

    static ImageRequest request(String prompt, long seed) {
        return new ImageRequest(GPT_IMAGE_2, prompt, 1, List.of(seed), "1024x1024", "low", null, "png", null, null);
    }

    static Supplier<Path> tempFiles(Path dir) {
        return () -> {
            try {
                return Files.createTempFile(dir, "img-", ".tmp");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public void close() {
        context.stop();
    }
}
