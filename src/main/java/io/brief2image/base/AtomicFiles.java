package io.brief2image.base;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Publishing by rename: a reader sees the whole file or none of it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void publish(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // another file system: copy next to the target first, then rename there
            Path sibling = target.resolveSibling("." + target.getFileName() + ".part");
            try {
                Files.copy(temp, sibling, StandardCopyOption.REPLACE_EXISTING);
                Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException full) {
                // a half-copied file must not keep taking the space the next try needs
                Files.deleteIfExists(sibling);
                throw full;
            }
            Files.delete(temp);
        }
    }

    public static void write(Path temp, byte[] content, Path target) throws IOException {
        Files.write(temp, content);
        publish(temp, target);
    }
}
