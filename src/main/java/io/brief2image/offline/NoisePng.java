package io.brief2image.offline;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * A PNG of about a requested byte size for benchmarks. Random pixels barely compress, so the file
 * size tracks the pixel count and the right dimensions can be computed rather than searched.
 */
final class NoisePng {

    private static final long NOISE_SEED = 20_240_601L;
    private static final int WIDTH = 512;
    /** Bytes per pixel of the encoded noise: three colour channels plus a little PNG overhead. */
    private static final double BYTES_PER_PIXEL = 3.0;

    private NoisePng() {
    }

    static byte[] ofAboutBytes(int targetBytes) {
        int height = Math.max(1, (int) Math.round(targetBytes / (WIDTH * BYTES_PER_PIXEL)));
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(NOISE_SEED);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(targetBytes + 4096);
        try {
            PreviewPainter.encode(image, ImageFormat.PNG, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
