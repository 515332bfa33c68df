package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.base.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void onATerminalOneLineIsRewrittenInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        Progress progress = new Progress();
        progress.enqueued(3);
        progress.finished(true, 2);
        line.update(progress);
        progress.finished(false, 0);
        line.update(progress);
        line.finish(progress, 0);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("Batch API").startsWith("\rbriefs 1/3 done, 2 images, 0 failed").contains("\rbriefs 2/3 done, 2 images, 1 failed");
        assertThat(out).contains("brief2image --once: 1 briefs done, 1 failed, 2 images").contains("see failed/");
    }

    @Test
    void elsewherePlainLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        Progress progress = new Progress();
        progress.enqueued(1);
        line.update(progress);
        progress.finished(true, 1);
        line.finish(progress, 2);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).contains("2 briefs wait in Batch API batches (priority batch): their images are read by the next run"
                + " after the batch ended (the service, or --once again)");
        assertThat(out.lines().filter(l -> l.startsWith("brief2image --once: 1 briefs done, 0 failed, 1 images in"))).hasSize(1);
    }
}
