package io.brief2image.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewPainterTest {

    @Test
    void samePromptSeedSizeAndFormatGiveIdenticalBytes() throws IOException {
        assertThat(paint("a red fox in snow", 7, 640, 480, "png"))
                .isEqualTo(paint("a red fox in snow", 7, 640, 480, "png"));
    }

    @Test
    void differentSeedOrPromptGiveDifferentBytes() throws IOException {
        byte[] reference = paint("a red fox in snow", 7, 320, 240, "png");
        assertThat(paint("a red fox in snow", 8, 320, 240, "png")).isNotEqualTo(reference);
        assertThat(paint("a blue fox in snow", 7, 320, 240, "png")).isNotEqualTo(reference);
    }

    @Test
    void variantChangesThePicture() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PreviewPainter.paint("edit", 1, "aaaa", 128, 128, "png", a);
        PreviewPainter.paint("edit", 1, "bbbb", 128, 128, "png", b);
        assertThat(a.toByteArray()).isNotEqualTo(b.toByteArray());
    }

    @Test
    void writesDecodableImagesOfTheRequestedSize() throws IOException {
        BufferedImage png = OfflineTestClient.readImage(paint("size check", 1, 1536, 1024, "png"));
        assertThat(png.getWidth()).isEqualTo(1536);
        assertThat(png.getHeight()).isEqualTo(1024);

        byte[] jpeg = paint("size check", 1, 300, 200, "jpeg");
        assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
        assertThat(OfflineTestClient.readImage(jpeg).getWidth()).isEqualTo(300);
    }

    @Test
    void webpIsAnsweredWithPngBytes() throws IOException {
        assertThat(OfflineTestClient.isPng(paint("webp", 1, 64, 64, "webp"))).isTrue();
    }

    /**
     * The largest image gpt-image-2 makes is painted and encoded in memory: ImageIO's default
     * stream would go through a cache file on disk for every image. With the cache folder gone,
     * such a stream cannot even be opened, so painting works only if it stays in memory. (How fast
     * it paints is a matter for benchmarks, not for a timed test on a shared machine.)
     */
    @Test
    void paintsTheLargestLandscapeInMemoryWithoutACacheFile(@TempDir Path root) throws IOException {
        boolean usedCache = ImageIO.getUseCache();
        java.io.File cacheDir = ImageIO.getCacheDirectory();
        Path gone = Files.createDirectory(root.resolve("cache"));
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(gone.toFile());
        Files.delete(gone);
        byte[] png;
        try {
            png = paint("a lighthouse on a cliff at dusk, oil painting", 100, 3840, 2160, "png");
        } finally {
            ImageIO.setUseCache(usedCache);
            ImageIO.setCacheDirectory(cacheDir);
        }
        // read back with the cache as it was (ImageIO.read would need the cache folder too)
        BufferedImage image = OfflineTestClient.readImage(png);
        assertThat(image.getWidth()).isEqualTo(3840);
        assertThat(image.getHeight()).isEqualTo(2160);
    }

    private static byte[] paint(String prompt, long seed, int width, int height, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewPainter.paint(prompt, seed, width, height, format, out);
        return out.toByteArray();
    }
}
