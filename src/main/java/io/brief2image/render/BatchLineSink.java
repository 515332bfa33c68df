package io.brief2image.render;

import java.util.List;

/**
 * Where the lines of a batch brief go ({@link BatchLines}, route batch.yaml). The real batch path
 * appends the line to an open batch file and answers {@link Taken#inBatch()}: it then owns the line's
 * reservation (settled at the batch price when the output line arrives, released if the line fails
 * unpaid) and publishes the images itself (batch.BatchCollector).
 */
public interface BatchLineSink {

    /**
     * Takes every line of the brief the exchange carries, all or none: when it throws, none of them is in
     * a batch (a line left there would be paid for and awaited by no brief). Each is admitted already
     * (reservation at the batch price held in {@code line.reserved()}). A sink that publishes later keeps
     * what it needs of the queue message (its body and headers, from the exchange's unit of work).
     */
    Taken take(List<BatchLine> lines, org.apache.camel.Exchange exchange);

    /**
     * What became of a line: its images when they were made at once, with a warning for their sidecars
     * (null when there is nothing to say); or in a batch (no images, {@code queued}) when they come with the batch's output.
     */
    record Taken(List<RenderedImage> images, String warning, boolean queued) {

        public Taken {
            images = List.copyOf(images);
        }

        public static Taken made(List<RenderedImage> images, String warning) {
            return new Taken(images, warning, false);
        }

        public static Taken inBatch() {
            return new Taken(List.of(), null, true);
        }
    }
}
