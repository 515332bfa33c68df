package io.brief2image.cli;

import io.brief2image.base.Progress;
import java.io.PrintStream;

/** --once progress: one updating line on a terminal, a plain line every few seconds otherwise. */
final class ProgressLine {

    private static final long PLAIN_EVERY_MILLIS = 5_000;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPlain;
    private String last = "";

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(Progress p) {
        String text = String.format("briefs %d/%d done, %d images, %d failed, %.1f s",
                p.done() + p.failed(), Math.max(p.enqueued(), p.done() + p.failed()), p.images(), p.failed(), p.elapsedMillis() / 1000.0);
        if (terminal) {
            out.print("\r" + text);
            out.flush();
        } else if (!text.equals(last) && p.elapsedMillis() - lastPlain >= PLAIN_EVERY_MILLIS) {
            out.println(text);
            lastPlain = p.elapsedMillis();
        }
        last = text;
    }

    /** @param inBatches briefs whose images wait for a Batch API batch: they are neither done nor failed yet */
    void finish(Progress p, int inBatches) {
        if (terminal) {
            out.println();
        }
        out.printf("brief2image --once: %d briefs done, %d failed, %d images in %.1f s%s%n", p.done(), p.failed(), p.images(),
                p.elapsedMillis() / 1000.0, p.failed() > 0 ? " (see failed/ for the reasons)" : "");
        if (inBatches > 0) {
            out.printf("%d briefs wait in Batch API batches (priority batch): their images are read by the next run"
                    + " after the batch ended (the service, or --once again)%n", inBatches);
        }
    }
}
