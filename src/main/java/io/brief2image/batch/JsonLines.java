package io.brief2image.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a JSONL stream into one stream per line without ever holding a line: a raw line break
 * cannot occur inside a JSON value (strings escape it), so each {@code '\n'} ends a line. Counts the
 * bytes consumed, which is the download's byte offset. Blank lines are passed over.
 */
final class JsonLines {

    private static final int BUFFER = 256 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private long offset;

    JsonLines(InputStream in) {
        this.in = in;
    }

    /** Bytes of the file consumed so far. */
    long offset() {
        return offset;
    }

    /** The next non-blank line, or null at the end of the file. */
    Line next() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            byte b = buffer[pos];
            if (b != '\n' && b != '\r') {
                return new Line();
            }
            pos++;
            offset++;
        }
    }

    /** Passes over the next non-blank line without reading it; false at the end of the file. */
    boolean skipLine() throws IOException {
        Line line = next();
        if (line == null) {
            return false;
        }
        line.drain();
        return true;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        while (read == 0) {
            read = in.read(buffer);
        }
        if (read < 0) {
            return false;
        }
        pos = 0;
        limit = read;
        return true;
    }

    /** One line, ending before its {@code '\n'}. */
    final class Line extends InputStream {

        private boolean done;
        private boolean terminated;

        /** Whether the line ended with its line break (false: the file ended inside it). */
        boolean terminated() {
            return terminated;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (pos == limit && !fill()) {
                done = true;
                return -1;
            }
            int end = Math.min(limit, pos + len);
            int i = pos;
            while (i < end && buffer[i] != '\n') {
                i++;
            }
            int n = i - pos;
            System.arraycopy(buffer, pos, target, off, n);
            pos = i;
            offset += n;
            if (i < end) { // the line break
                pos++;
                offset++;
                done = true;
                terminated = true;
                return n == 0 ? -1 : n;
            }
            return n;
        }

        /** Reads the rest of the line away. */
        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // nothing to keep
            }
        }
    }
}
