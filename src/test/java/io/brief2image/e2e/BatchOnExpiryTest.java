package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.offline.Fault;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, point 5: with {@code batch-on-expiry=batch} the lines an expired batch never ran go into
 * the next batch instead of being made now: every brief still comes from a batch, at the batch price.
 */
class BatchOnExpiryTest {

    @Test
    void theUnfinishedLinesOfAnExpiredBatchGoIntoTheNextBatch(@TempDir Path root) {
        try (RunningApp app = new RunningApp(root).set("offline.faults", "true").set("offline.batch-delay-seconds", "1")
                .set("batch-max-wait", "1").set("batch-on-expiry", "batch").start()) {
            app.bean("offlineServer", OfflineImageServer.class).faults().next(Fault.batchExpires());
            app.drop("again.csv", "id,prompt,n,priority\nagain-1,a tin robot,1,batch\nagain-2,a tin drum,1,batch\n"
                    + "again-3,a tin soldier,1,batch\nagain-4,a tin whistle,1,batch\n");
            List<JsonNode> sidecars = Stream.of("again-1", "again-2", "again-3", "again-4").map(id -> app.awaitSidecars(id, 1).get(0)).toList();
            assertThat(sidecars).allSatisfy(s -> {
                assertThat(s.path("priority").asText()).isEqualTo("batch");
                assertThat(s.path("batch").path("id").asText()).startsWith("batch_");
            });
            // half were made by the expired batch, the rest by the next one
            assertThat(sidecars.stream().map(s -> s.path("batch").path("id").asText()).distinct()).hasSize(2);
            assertThat(app.bean("offlineServer", OfflineImageServer.class).requests())
                    .noneMatch(r -> r.path().endsWith("/images/generations"));
        }
    }
}
