package io.brief2image.render.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

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

    @Test
    void paintsLargeLandscapeQuickly() throws IOException {
        paint("warm up fonts and encoders", 1, 1536, 1024, "png");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            paint("a lighthouse on a cliff at dusk, oil painting", 100 + i, 1536, 1024, "png");
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(best / 1_000_000).isLessThan(200);
    }

    private static byte[] paint(String prompt, long seed, int width, int height, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewPainter.paint(prompt, seed, width, height, format, out);
        return out.toByteArray();
    }
}
