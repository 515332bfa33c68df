package io.brief2image.offline;

/** Chooses between painting a real preview and replaying the fixed benchmark PNG. */
final class PreviewSource {

    private final byte[] fixedImage;

    PreviewSource(OfflineOptions options) {
        this.fixedImage = options.fixedImageBytes() > 0 ? NoisePng.ofAboutBytes(options.fixedImageBytes()) : null;
    }

    ImageBytes preview(String prompt, long seed, String variant, ImageSize size, ImageFormat format) {
        if (fixedImage != null) {
            return out -> out.write(fixedImage);
        }
        return out -> PreviewPainter.paint(prompt, seed, variant, size.width(), size.height(),
                format.imageIoName(), out);
    }
}
