package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a provider's JSON reply in one pass. Base64 image fields (named in {@code imageFields})
 * are decoded straight into temp files by {@link ImageFieldScanner}; everything else becomes a small
 * JSON tree in which each image appears as the text {@code "#image:<n>"}.
 */
public final class StreamingReply {

    public static final String IMAGE_MARK = "#image:";
    private static final ObjectReader TREE = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StreamingReply() {
    }

    public record Parsed(JsonNode tree, List<ImageSink.StoredImage> images) {
        public ImageSink.StoredImage image(JsonNode mark) {
            return images.get(Integer.parseInt(mark.asText().substring(IMAGE_MARK.length())));
        }
    }

    /** Any failure deletes the temp files already written, so a broken reply leaves nothing behind. */
    public static Parsed read(InputStream body, Set<String> imageFields, Supplier<Path> tempFiles) throws IOException {
        List<Path> files = new ArrayList<>();
        List<ImageSink.StoredImage> images = new ArrayList<>();
        ImageFieldScanner scanner = new ImageFieldScanner(imageFields, new ScannedImages() {
            @Override
            public ImageSink open() throws IOException {
                Path file = tempFiles.get();
                files.add(file);
                return new ImageSink(file);
            }

            @Override
            public int close(ImageSink sink) throws IOException {
                ImageSink.StoredImage stored = sink.finish();
                if (stored.bytes() == 0) {
                    throw new MalformedReplyException("the provider sent an empty image");
                }
                images.add(stored);
                return images.size() - 1;
            }
        });
        try {
            byte[] rest = scanner.scan(body);
            JsonNode tree = TREE.readTree(rest);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedReplyException("the provider sent an empty reply");
            }
            return new Parsed(tree, List.copyOf(images));
        } catch (IOException | RuntimeException e) {
            scanner.abandon();
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException || e instanceof java.io.EOFException) {
                throw new MalformedReplyException("the provider's reply was cut off or is not valid JSON: " + firstLine(e.getMessage()), e);
            }
            throw e;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
