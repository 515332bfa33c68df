package io.brief2image.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.base.Json;
import io.brief2image.base.Sidecar;
import io.brief2image.expansion.ImageTask;
import io.brief2image.expansion.RenderPlan;
import io.brief2image.render.ImageSink;
import io.brief2image.render.MediaType;
import io.brief2image.render.RenderedBrief;
import io.brief2image.render.RenderedImage;
import io.brief2image.store.BatchRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of a batch brief's made lines (under data/batches/images, recorded in each line's
 * result), turned into the {@link RenderedBrief} the outbox publishes: the same sidecar as an image
 * made now, plus {@code batch: {id, custom_id, line}} and {@code cost_usd} at the batch price.
 */
public final class BatchImages {

    private final String provider;
    private final boolean honorsSeeds;

    /** @param provider the name of the provider whose Batch API made the images */
    public BatchImages(String provider, boolean honorsSeeds) {
        this.provider = provider;
        this.honorsSeeds = honorsSeeds;
    }

    /**
     * The made lines' images that are still where they were decoded (one published before a crash is in the
     * outbox already), with {@code earlier}: the brief's images in the outbox from an attempt that failed part way.
     */
    RenderedBrief rendered(RenderPlan plan, List<BatchRecords.LineRow> lines, BatchStatus status, List<Sidecar> earlier) throws IOException {
        List<RenderedImage> made = new ArrayList<>();
        long renderMs = status.createdAt() > 0 ? Math.max(0, System.currentTimeMillis() - status.createdAt() * 1000) : 0;
        for (BatchRecords.LineRow line : lines) {
            JsonNode result = Json.MAPPER.readTree(line.result());
            JsonNode images = result.path("images");
            double lineCost = result.path("cost_usd").asDouble();
            double cost = lineCost / Math.max(1, line.taskCount()) + plan.chatCostUsd() / Math.max(1, plan.tasks().size());
            ObjectNode batch = Json.MAPPER.createObjectNode().put("id", result.path("batch_id").asText())
                    .put("custom_id", line.customId()).put("line", result.path("line").asLong());
            for (int i = 0; i < line.taskCount() && i < images.size(); i++) {
                ImageTask task = plan.tasks().get(line.firstTask() + i);
                JsonNode image = images.get(i);
                String revised = image.path("revised_prompt").asText(null);
                boolean providerRevised = revised != null && !revised.isBlank();
                if (!Files.exists(Path.of(image.path("path").asText()))) {
                    continue;
                }
                ImageSink.StoredImage stored = new ImageSink.StoredImage(Path.of(image.path("path").asText()), image.path("bytes").asLong(),
                        image.path("sha256").asText(), MediaType.valueOf(image.path("media_type").asText()));
                made.add(new RenderedImage(task, stored, providerRevised ? revised : task.revisedPrompt(),
                        providerRevised ? "provider" : task.revisedBy(), task.seed(), honorsSeeds, provider, result.get("usage"),
                        result.path("request_id").asText(null), 1, renderMs, cost, batch));
            }
        }
        return new RenderedBrief(plan, made, earlier);
    }

    /** Whether the made lines' images are still where they were decoded (not yet moved into the outbox). */
    boolean present(List<BatchRecords.LineRow> lines) throws IOException {
        for (BatchRecords.LineRow line : lines) {
            if (line.result() != null) {
                for (JsonNode image : Json.MAPPER.readTree(line.result()).path("images")) {
                    if (!Files.exists(Path.of(image.path("path").asText()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
