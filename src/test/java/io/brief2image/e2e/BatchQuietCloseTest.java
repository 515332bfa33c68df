package io.brief2image.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch file is uploaded once the run of briefs that filled it has stopped coming
 * ({@code batch-max-quiet}), long before {@code batch-max-wait}: the lines of one run share one batch,
 * and a run read later goes into a batch of its own.
 */
class BatchQuietCloseTest {

    @TempDir
    Path root;

    @Test
    void aRunOfBriefsGoesToTheProviderOnceItStopsComingNotAtTheLongWait() {
        try (RunningApp app = new RunningApp(root).set("offline.batch-delay-seconds", "1").set("batch-max-wait", "3600")
                .set("batch-max-quiet", "3").start()) {
            app.drop("run-one.csv", "prompt,n,priority\na red kite,1,batch\na blue kite,1,batch\na green kite,1,batch\n");
            List<String> first = List.of(batchOf(app, "run-one-1"), batchOf(app, "run-one-2"), batchOf(app, "run-one-3"));
            assertThat(first).as("one run, one batch").containsOnly(first.get(0));

            app.drop("run-two.json", "{\"id\": \"run-two\", \"prompt\": \"a yellow kite\", \"n\": 1, \"priority\": \"batch\"}");
            assertThat(batchOf(app, "run-two")).as("a later run, a batch of its own").isNotEqualTo(first.get(0));
        }
    }

    private static String batchOf(RunningApp app, String briefId) {
        JsonNode sidecar = app.awaitSidecars(briefId, 1).get(0);
        assertThat(sidecar.path("priority").asText()).isEqualTo("batch");
        return sidecar.path("batch").path("id").asText();
    }
}
