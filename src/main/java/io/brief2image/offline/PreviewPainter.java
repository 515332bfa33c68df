package io.brief2image.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Paints a deterministic preview: a gradient with a few shapes chosen by the seed, overlaid with
 * the prompt's first words and the seed, so people can tell previews apart at a glance.
 * Equal inputs give byte-identical output because nothing depends on time or global state.
 */
public final class PreviewPainter {

    private static final int MAX_PROMPT_WORDS = 14;
    private static final float JPEG_QUALITY = 0.9f;

    static {
        // Servers and CI have no display; AWT must never try to open one.
        System.setProperty("java.awt.headless", "true");
    }

    private PreviewPainter() {
    }

    public static void paint(String prompt, long seed, int width, int height, String format, OutputStream out)
            throws IOException {
        paint(prompt, seed, null, width, height, format, out);
    }

    /**
     * @param variant extra input that must change the picture, e.g. a fingerprint of the base image
     *                of an edit; {@code null} when there is none
     */
    public static void paint(String prompt, long seed, String variant, int width, int height, String format,
                             OutputStream out) throws IOException {
        ImageFormat imageFormat = ImageFormat.fromOutputFormat(format);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Random random = new Random(variant == null ? seed : seed * 31 + variant.hashCode());
            paintBackground(graphics, random, width, height);
            paintShapes(graphics, random, width, height);
            paintCaption(graphics, prompt, width, height);
            paintSeedLabel(graphics, seed, variant, width, height);
        } finally {
            graphics.dispose();
        }
        encode(image, imageFormat, out);
    }

    private static void paintBackground(Graphics2D graphics, Random random, int width, int height) {
        Color from = randomColor(random, 255);
        Color to = randomColor(random, 255);
        boolean diagonal = random.nextBoolean();
        graphics.setPaint(new GradientPaint(0, 0, from, diagonal ? width : 0, height, to));
        graphics.fillRect(0, 0, width, height);
    }

    private static void paintShapes(Graphics2D graphics, Random random, int width, int height) {
        int shapes = 4 + random.nextInt(5);
        int shortEdge = Math.min(width, height);
        graphics.setStroke(new BasicStroke(Math.max(2f, shortEdge / 200f)));
        for (int i = 0; i < shapes; i++) {
            int size = shortEdge / 8 + random.nextInt(Math.max(1, shortEdge / 3));
            int x = random.nextInt(Math.max(1, width - size / 2)) - size / 4;
            int y = random.nextInt(Math.max(1, height - size / 2)) - size / 4;
            graphics.setColor(randomColor(random, 90 + random.nextInt(120)));
            if (random.nextBoolean()) {
                graphics.fillOval(x, y, size, size);
            } else {
                graphics.fillRoundRect(x, y, size, size * (2 + random.nextInt(3)) / 3, size / 6, size / 6);
            }
            graphics.setColor(new Color(255, 255, 255, 120));
            graphics.drawOval(x + size / 4, y + size / 4, size / 2, size / 2);
        }
    }

    private static void paintCaption(Graphics2D graphics, String prompt, int width, int height) {
        int fontSize = Math.max(10, Math.min(width, height) / 18);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
        FontMetrics metrics = graphics.getFontMetrics();
        List<String> lines = wrap(firstWords(prompt), metrics, width * 8 / 10);
        int lineHeight = metrics.getHeight();
        int blockHeight = lineHeight * lines.size() + lineHeight / 2;
        int top = (height - blockHeight) / 2;
        graphics.setColor(new Color(0, 0, 0, 130));
        graphics.fillRoundRect(width / 12, top, width - width / 6, blockHeight, fontSize, fontSize);
        graphics.setColor(Color.WHITE);
        int baseline = top + lineHeight / 4 + metrics.getAscent();
        for (String line : lines) {
            graphics.drawString(line, (width - metrics.stringWidth(line)) / 2, baseline);
            baseline += lineHeight;
        }
    }

    private static void paintSeedLabel(Graphics2D graphics, long seed, String variant, int width, int height) {
        int fontSize = Math.max(9, Math.min(width, height) / 48);
        graphics.setFont(new Font(Font.MONOSPACED, Font.PLAIN, fontSize));
        String label = "offline preview · seed " + seed + (variant == null ? "" : " · base " + variant);
        graphics.setColor(new Color(0, 0, 0, 150));
        graphics.drawString(label, fontSize + 1, height - fontSize + 1);
        graphics.setColor(Color.WHITE);
        graphics.drawString(label, fontSize, height - fontSize);
    }

    private static String firstWords(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return "(no prompt)";
        }
        String[] words = prompt.trim().split("\\s+");
        if (words.length <= MAX_PROMPT_WORDS) {
            return String.join(" ", words);
        }
        return String.join(" ", java.util.Arrays.copyOf(words, MAX_PROMPT_WORDS)) + " …";
    }

    private static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(candidate) > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static Color randomColor(Random random, int alpha) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), alpha);
    }

    /** Uses an explicit writer with an in-memory cache: ImageIO.write would spill to temp files. */
    static void encode(BufferedImage image, ImageFormat format, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream imageOut = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(imageOut);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
            imageOut.flush();
        } finally {
            writer.dispose();
        }
    }
}
