package io.brief2image.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.app.SettingValues;
import io.brief2image.app.Settings;
import io.brief2image.base.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** batch list / batch cancel ID: the running service's batches, over its HTTP API (cancel with the admin token, as replay). */
@Command(name = "batch", mixinStandardHelpOptions = true, description = "The running service's Batch API batches.",
        subcommands = {BatchCommand.ListBatches.class, BatchCommand.CancelBatch.class})
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    Brief2Image parent;

    @Spec
    CommandSpec spec;

    /** {@code batch} alone: say what it takes. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Open and pending batches: lines, lines still to read, age, expected saving, batch id and status.")
    static final class ListBatches implements Callable<Integer> {

        @Mixin
        SettingOptions settings = new SettingOptions();

        @ParentCommand
        BatchCommand batch;

        @Override
        public Integer call() throws Exception {
            HttpResponse<String> reply = Service.of(batch.parent.values(settings.pairs)).send("GET", "/api/batches");
            if (reply.statusCode() != 200) {
                return Service.failed(reply);
            }
            JsonNode batches = Json.MAPPER.readTree(reply.body()).path("batches");
            System.out.printf("%-32s %-10s %6s %7s %8s %10s  %s%n", "BATCH", "STATE", "LINES", "TO READ", "AGE(s)", "SAVING($)", "STATUS");
            for (JsonNode b : batches) {
                System.out.printf(java.util.Locale.ROOT, "%-32s %-10s %6d %7d %8d %10.4f  %s%n", b.path("batch_id").asText("(not yet)"),
                        b.path("state").asText(), b.path("lines").asInt(), b.path("pending_lines").asInt(), b.path("age_seconds").asLong(),
                        b.path("expected_saving_usd").asDouble(), b.path("status").asText("-"));
            }
            System.out.printf("%d batch file(s) open or pending%n", batches.size());
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a batch; its unfinished briefs go on as batch-on-expiry says.")
    static final class CancelBatch implements Callable<Integer> {

        @Mixin
        SettingOptions settings = new SettingOptions();

        @ParentCommand
        BatchCommand batch;

        @Parameters(index = "0", paramLabel = "ID", description = "the batch id (batch list shows it)")
        String id;

        @Override
        public Integer call() throws Exception {
            HttpResponse<String> reply = Service.of(batch.parent.values(settings.pairs))
                    .send("POST", "/api/batches/cancel?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            if (reply.statusCode() != 200) {
                return Service.failed(reply);
            }
            System.out.printf("batch %s: %s%n", id, Json.MAPPER.readTree(reply.body()).path("status").asText());
            return 0;
        }
    }

    /** The running service's HTTP API, on this host. */
    private record Service(String base, String token) {

        static Service of(SettingValues values) {
            String host = values.text("http-host");
            host = host.isBlank() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
            return new Service("http://" + host + ":" + values.text("http-port"), Settings.from(values).operators().adminToken());
        }

        HttpResponse<String> send(String method, String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (!token.isBlank()) {
                request.header("X-Admin-Token", token);
            }
            try {
                return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                throw new IllegalStateException("The service does not answer on " + base + ": is it running (http-port)?");
            }
        }

        static int failed(HttpResponse<String> reply) {
            System.err.println("The service said (HTTP " + reply.statusCode() + "): " + reply.body());
            return 1;
        }
    }
}
