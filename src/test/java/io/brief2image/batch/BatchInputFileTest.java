package io.brief2image.batch;

import static io.brief2image.batch.BatchTestRig.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brief2image.http.ProviderHttp;
import io.brief2image.render.OpenAiImagesProvider;
import io.brief2image.testing.OpenApiSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch input files: the synchronous body per line, closed at the limits, whole lines after a crash. */
class BatchInputFileTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final OpenAiImagesProvider provider = new OpenAiImagesProvider(new ProviderHttp(new DefaultCamelContext(), ""),
            "http://127.0.0.1:9/v1", "openai", false);
    @TempDir
    Path dir;

    @Test
    void eachLineCarriesTheBodyTheSynchronousCallSends() throws Exception {
        Path path = dir.resolve("in.jsonl");
        try (BatchInputFile file = BatchInputFile.create(path, BatchInputFile.GENERATIONS, BatchLimits.OPENAI)) {
            file.add("spring-hero-1", provider, request("a spring meadow", 5));
        }
        List<String> lines = Files.readAllLines(path);
        assertThat(lines).hasSize(1);
        assertThat(OpenApiSchemas.violations("BatchRequestInput", lines.get(0))).isEmpty();
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("custom_id").asText()).isEqualTo("spring-hero-1");
        assertThat(line.path("url").asText()).isEqualTo("/v1/images/generations");
        assertThat(line.path("body")).isEqualTo(provider.requestBody(request("a spring meadow", 5)));
        assertThat(OpenApiSchemas.violations("CreateImageRequest", line.path("body").toString())).isEmpty();
    }

    @Test
    void aLineThatWouldPassTheLimitsIsRefusedSoTheCallerStartsTheNextFile() throws Exception {
        try (BatchInputFile file = BatchInputFile.create(dir.resolve("lines.jsonl"), BatchInputFile.GENERATIONS, new BatchLimits(2, 1_000_000))) {
            assertThat(file.add("a", provider, request("one", 1))).isEqualTo(1);
            assertThat(file.add("b", provider, request("two", 2))).isEqualTo(2);
            assertThat(file.full()).isTrue();
            assertThat(file.add("c", provider, request("three", 3))).isZero();
            assertThat(file.lines()).isEqualTo(2);
        }
        try (BatchInputFile file = BatchInputFile.create(dir.resolve("bytes.jsonl"), BatchInputFile.GENERATIONS, new BatchLimits(10, 1024))) {
            assertThat(file.add("a", provider, request("x".repeat(600), 1))).isEqualTo(1);
            assertThat(file.add("b", provider, request("y".repeat(600), 2))).isZero();
            assertThat(Files.size(file.path())).isEqualTo(file.bytes()).isLessThanOrEqualTo(1024);
        }
        assertThatThrownBy(() -> new BatchLimits(50_001, 1024)).hasMessageContaining("batch-max-lines");
    }

    @Test
    void aFileReopenedAfterACrashKeepsItsWholeLinesAndCutsTheTornOne() throws Exception {
        Path path = dir.resolve("open.jsonl");
        try (BatchInputFile file = BatchInputFile.create(path, BatchInputFile.GENERATIONS, BatchLimits.OPENAI)) {
            file.add("a", provider, request("one", 1));
            file.add("b", provider, request("two", 2));
        }
        Files.write(path, "{\"custom_id\":\"c\",\"meth".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (BatchInputFile file = BatchInputFile.reopen(path, BatchInputFile.GENERATIONS, BatchLimits.OPENAI)) {
            assertThat(file.lines()).isEqualTo(2);
            assertThat(file.add("c", provider, request("three", 3))).isEqualTo(3);
        }
        assertThat(Files.readAllLines(path)).hasSize(3).allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
    }
}
