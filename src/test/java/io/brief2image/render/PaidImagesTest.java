package io.brief2image.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.brief2image.expansion.ImageTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paid image outlives the process that paid for it, until the outbox takes it; never named after brief content. */
class PaidImagesTest {

    @TempDir
    Path data;

    static ImageTask task(int index, String prompt) {
        return new ImageTask(index, 2, "lanterns-" + index, prompt, null, null, 42L + index, "1024x1024", "low", null, "png", null, null, null);
    }

    RenderedImage made(ImageTask task) throws Exception {
        Path temp = Files.createDirectories(data.resolve("partial")).resolve("x" + task.index() + ".part");
        Files.write(temp, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        return new RenderedImage(task, new ImageSink.StoredImage(temp, 7, "abc", MediaType.PNG), "a revised lantern", "provider", 7L, false,
                "responses", JsonNodeFactory.instance.objectNode().put("output_tokens", 12), "req_1", 2, 4100, 0.0421);
    }

    @Test
    void aKeptImageIsFoundByTheSameBriefAgainWithWhatMadeIt() throws Exception {
        PaidImages paid = new PaidImages(data);
        RenderedImage kept = paid.keep("fp-1", made(task(1, "two lanterns on a pier")));

        assertThat(kept.stored().file().getParent()).isEqualTo(data.resolve("paid"));
        assertThat(kept.stored().file().getFileName().toString()).doesNotContain("lanterns").endsWith(".png");
        // as a new process sees it
        RenderedImage found = new PaidImages(data).find("fp-1", task(1, "two lanterns on a pier")).orElseThrow();
        assertThat(found.stored()).isEqualTo(kept.stored());
        assertThat(found).extracting(RenderedImage::revisedPrompt, RenderedImage::revisedBy, RenderedImage::seed, RenderedImage::provider,
                RenderedImage::requestId, RenderedImage::attempts, RenderedImage::renderMs, RenderedImage::costUsd)
                .containsExactly("a revised lantern", "provider", 7L, "responses", "req_1", 2, 4100L, 0.0421);
        assertThat(found.usage().path("output_tokens").asInt()).isEqualTo(12);

        // another brief (fingerprint) or another image does not take it
        assertThat(paid.find("fp-2", task(1, "two lanterns on a pier"))).isEmpty();
        assertThat(paid.find("fp-1", task(2, "two lanterns on a pier"))).isEmpty();
        // captions written again in other words: the paid image is taken with the caption that made it
        RenderedImage recaptioned = paid.find("fp-1", task(1, "a pair of lanterns by the sea")).orElseThrow();
        assertThat(recaptioned.task().imagePrompt()).isEqualTo("two lanterns on a pier");
        assertThat(recaptioned.task().imageId()).isEqualTo("lanterns-1");
        assertThat(recaptioned.stored()).isEqualTo(kept.stored());
    }

    @Test
    void onceTheOutboxTookTheImageItsRecordGoes() throws Exception {
        PaidImages paid = new PaidImages(data);
        RenderedImage kept = paid.keep("fp-1", made(task(1, "two lanterns on a pier")));
        RenderedImage other = paid.keep("fp-1", made(task(2, "two lanterns on a pier")));
        Files.move(kept.stored().file(), data.resolve("published.png"));
        PaidImages.taken(kept.stored().file());
        assertThat(paid.find("fp-1", task(1, "two lanterns on a pier"))).isEmpty();

        // a record left by a process that died after the outbox took its image is removed at the next start
        Files.move(other.stored().file(), data.resolve("published-2.png"));
        assertThat(new PaidImages(data).clean()).isEqualTo(1);
        try (Stream<Path> left = Files.list(data.resolve("paid"))) {
            assertThat(left).isEmpty();
        }
    }
}
