package io.brief2image.admission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Usable bytes on the file system of a folder. A bean, so a test can stand in for a full disk. */
@FunctionalInterface
public interface FreeSpace {

    long usableBytes(Path dir) throws IOException;

    /** The file system's own count, as the JVM reads it ({@code statvfs}). */
    static FreeSpace fileStores() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }
}
