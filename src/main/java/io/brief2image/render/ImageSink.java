package io.brief2image.render;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where decoded image bytes go: straight to a temp file, hashed and counted on the way, with the
 * first bytes kept to tell the media type. Nothing holds the whole image in memory.
 */
public final class ImageSink extends FilterOutputStream {

    private final Path file;
    private final MessageDigest digest;
    private final byte[] head = new byte[16];
    private long count;

    public ImageSink(Path file) throws IOException {
        super(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        this.file = file;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (count < head.length) {
            head[(int) count] = (byte) b;
        }
        digest.update((byte) b);
        count++;
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len && count + i < head.length; i++) {
            head[(int) count + i] = b[off + i];
        }
        digest.update(b, off, len);
        count += len;
        out.write(b, off, len);
    }

    public StoredImage finish() throws IOException {
        close();
        return new StoredImage(file, count, HexFormat.of().formatHex(digest.digest()), MediaType.sniff(head));
    }

    /** An image as stored in a temp file, with what the sidecar needs to describe it. */
    public record StoredImage(Path file, long bytes, String sha256, MediaType mediaType) {
    }
}
