package io.brief2image.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * are decoded straight into temp files; everything else becomes a small JSON tree in which each
 * image appears as the text {@code "#image:<n>"}.
 */
public final class StreamingReply {

    public static final String IMAGE_MARK = "#image:";
    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int READ_BUFFER = 256 * 1024;

    private final Set<String> imageFields;
    private final Supplier<Path> tempFiles;
    private final List<ImageSink.StoredImage> images = new ArrayList<>();

    private StreamingReply(Set<String> imageFields, Supplier<Path> tempFiles) {
        this.imageFields = imageFields;
        this.tempFiles = tempFiles;
    }

    public record Parsed(JsonNode tree, List<ImageSink.StoredImage> images) {
        public ImageSink.StoredImage image(JsonNode mark) {
            return images.get(Integer.parseInt(mark.asText().substring(IMAGE_MARK.length())));
        }
    }

    /** Any failure deletes the temp files already written, so a broken reply leaves nothing behind. */
    public static Parsed read(InputStream body, Set<String> imageFields, Supplier<Path> tempFiles) throws IOException {
        StreamingReply reply = new StreamingReply(imageFields, tempFiles);
        // Jackson pulls 8 kB at a time; a larger buffer lets each pull drain many HTTP chunks at once
        // (scenario 1 of BENCHMARKS.md, cold: 35-46 -> 50-54 images/s)
        try (JsonParser parser = FACTORY.createParser(new java.io.BufferedInputStream(body, READ_BUFFER))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedReplyException("the provider sent an empty reply");
            }
            JsonNode tree = reply.value(parser, null);
            if (parser.nextToken() != null) {
                throw new MalformedReplyException("the provider sent data after the end of its JSON reply");
            }
            return new Parsed(tree, List.copyOf(reply.images));
        } catch (IOException | RuntimeException e) {
            for (ImageSink.StoredImage image : reply.images) {
                Files.deleteIfExists(image.file());
            }
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException || e instanceof java.io.EOFException) {
                throw new MalformedReplyException("the provider's reply was cut off or is not valid JSON: " + firstLine(e.getMessage()), e);
            }
            throw e;
        }
    }

    private JsonNode value(JsonParser parser, String fieldName) throws IOException {
        JsonToken token = parser.currentToken();
        boolean imageField = fieldName != null && imageFields.contains(fieldName);
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser, name));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw new java.io.EOFException("unexpected end of reply inside an array");
                    }
                    // arrays of images (Stable Diffusion WebUI's "images") carry their field name down
                    array.add(value(parser, imageField ? fieldName : null));
                }
                return array;
            }
            case VALUE_STRING -> {
                if (imageField) {
                    return NODES.textNode(decode(parser));
                }
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.readValueAsTree();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new MalformedReplyException("unexpected " + token + " in the provider's reply");
        }
    }

    private String decode(JsonParser parser) throws IOException {
        Path file = tempFiles.get();
        ImageSink sink = new ImageSink(file);
        try (sink) {
            parser.readBinaryValue(sink);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ImageSink.StoredImage stored = sink.finish();
        if (stored.bytes() == 0) {
            Files.deleteIfExists(file);
            throw new MalformedReplyException("the provider sent an empty image");
        }
        images.add(stored);
        return IMAGE_MARK + (images.size() - 1);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
