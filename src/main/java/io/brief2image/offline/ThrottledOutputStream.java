package io.brief2image.offline;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Sends at most {@code bytesPerSecond}, as a slow link would: writes go out in slices of a
 * twentieth of a second's worth, each held back until the time the rate allows it.
 */
final class ThrottledOutputStream extends FilterOutputStream {

    private final long bytesPerSecond;
    private final int slice;
    private final long started = System.nanoTime();
    private long sent;

    ThrottledOutputStream(OutputStream out, long bytesPerSecond) {
        super(out);
        this.bytesPerSecond = bytesPerSecond;
        this.slice = (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond / 20));
    }

    /** {@code out} as it is when no rate is set. */
    static OutputStream of(OutputStream out, long bytesPerSecond) {
        return bytesPerSecond <= 0 ? out : new ThrottledOutputStream(out, bytesPerSecond);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, slice);
            hold(sent + n);
            out.write(b, off, n);
            sent += n;
            off += n;
            len -= n;
        }
    }

    /** Waits until {@code total} bytes are due. */
    private void hold(long total) throws IOException {
        long due = started + total * 1_000_000_000L / bytesPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            out.flush(); // what is due goes out now, not when a buffer fills
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the throttled download was interrupted");
            }
        }
    }
}
