package io.brief2image.guidelines.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The service holds the reading of the world data until it has started, so it does not compete with the start for the CPU. */
class WorldDataHoldTest {

    private static final WorldData EMPTY = new WorldData(List.of(), List.of(), List.of(), List.of(), List.of());

    @Test
    void theDataIsReadOnlyOnceTheHoldIsReleased() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        AtomicBoolean read = new AtomicBoolean();
        CompletableFuture<WorldData> world = WorldData.loadAfter(started, () -> {
            read.set(true);
            return EMPTY;
        });

        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> !read.get() && !world.isDone());
        started.complete(null);
        assertThat(world).succeedsWithin(Duration.ofSeconds(5)).isSameAs(EMPTY);
    }

    @Test
    void aFailedStartReleasesTheHoldToo() {
        CompletableFuture<Void> started = CompletableFuture.failedFuture(new IllegalStateException("the start failed"));
        assertThat(WorldData.loadAfter(started, () -> EMPTY)).succeedsWithin(Duration.ofSeconds(5)).isSameAs(EMPTY);
    }

    @Test
    void aBrokenFileFailsTheReadingItself() {
        CompletableFuture<WorldData> world = WorldData.loadAfter(CompletableFuture.completedFuture(null), () -> {
            throw new IllegalArgumentException("world file artists-recent.yaml lacks its list 'artists'");
        });
        assertThat(world).failsWithin(Duration.ofSeconds(5)).withThrowableThat().withMessageContaining("lacks its list 'artists'");
    }

    @Test
    void aScreeningEndsTheHold() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        WorldData.holdUntil(ready);
        WorldData.neededNow();
        assertThat(ready).as("a brief taken before the hold ends does not wait for it").isCompleted();
    }
}
