package io.brief2image.offline;

import java.io.IOException;
import java.io.OutputStream;

/** An encoded image that is produced straight into a stream instead of a byte array. */
@FunctionalInterface
interface ImageBytes {

    void writeTo(OutputStream out) throws IOException;
}
