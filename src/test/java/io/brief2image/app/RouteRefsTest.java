package io.brief2image.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bean the routes name is bound, with the method named; a typo stops the start saying where. */
class RouteRefsTest {

    @TempDir
    Path dir;

    @Test
    void everyRefInTheRoutesResolvesToABoundBeanWithTheMethodNamed() {
        try (RunningApp app = new RunningApp(dir).start()) {
            for (String location : List.of("classpath:routes/*.yaml", "file:routes/*.yaml")) {
                List<RouteRefs.Ref> refs = RouteRefs.find(app.context(), location);
                assertThat(refs).extracting(RouteRefs.Ref::bean).as(location).containsOnly(
                        "pendingOutbox", "deadLetters", "inboxIntake", "duplicates", "deferrals", "madeSoFar", "briefIntake", "results", "earlierImages",
                        "guidelineStage", "expansion", "moderation", "renderer", "batchLines", "batchRunner", "batchBriefs", "outbox", "statusPage", "statusApi", "imagesApi", "deadLettersApi",
                        "replayApi", "batchesApi", "budgetApi", "filesApi");
                // the provider HTTP plumbing is Java now (http.ProviderHttp): no route step is a bare processor
                assertThat(refs).filteredOn(RouteRefs.Ref::processor).isEmpty();
                assertThat(RouteRefs.problems(app.context().getRegistry(), refs)).as(location).isEmpty();
            }
        }
    }

    @Test
    void aMistypedBeanOrMethodStopsTheStartNamingTheFileTheRouteTheStepAndTheBean() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        String produce = Files.readString(Path.of("routes/produce.yaml"))
                .replace("ref: guidelineStage", "ref: guidelinez")
                .replace("method: render", "method: paint");
        Files.writeString(routes.resolve("produce.yaml"), produce);
        // an external broker nobody listens on: the check stops the start before anything connects,
        // and no embedded broker is left bound in this JVM for the other tests
        RunningApp app = new RunningApp(dir.resolve("app")).set("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml")
                .set("broker-url", "tcp://127.0.0.1:" + RunningApp.freePort());

        assertThatThrownBy(app::start).rootCause()
                .hasMessageContaining("routes/produce.yaml, route 'produce', step ")
                .hasMessageContaining("no bean 'guidelinez' is bound")
                .hasMessageContaining("bean 'renderer' (Renderer) has no method 'paint'");
        app.close();
    }
}
