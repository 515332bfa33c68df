package io.brief2image.render;

import io.brief2image.http.MalformedReplyException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * One pass over a provider's JSON reply that takes the base64 strings of the image fields out as it
 * goes: each is decoded in 64 kB blocks by the JDK's decoder into an {@link ImageSink}, and its place
 * in the JSON is taken by the text {@code #image:<n>}. What is left, the small JSON around the
 * images, is returned for Jackson to read.
 * <p>
 * Why not Jackson's own {@code readBinaryValue}: it decodes one character at a time and was most of
 * the service's CPU time at volume (BENCHMARKS.md, Findings); the JDK decodes whole blocks with
 * vector instructions once compiled.
 * <p>
 * An image field is an object key named in {@code imageFields} whose value is a string, or an array
 * of strings (Stable Diffusion WebUI's {@code "images"}). Only the JSON syntax needed to find them is
 * tracked here; everything else is checked by Jackson afterwards.
 */
final class ImageFieldScanner {

    private static final int READ = 128 * 1024;
    private static final int BLOCK = 64 * 1024;
    private static final int MAX_KEY = 64;
    /** The JSON around the images is small; far more means the image field was not where expected. */
    static final int MAX_REST = 8 * 1024 * 1024;

    private enum State { VALUE, STRING, STRING_ESCAPE, IMAGE, IMAGE_ESCAPE, IMAGE_UNICODE }

    private final List<byte[]> fieldNames;
    private final ScannedImages images;
    private final Base64.Decoder decoder = Base64.getDecoder();
    private final ByteArrayOutputStream rest = new ByteArrayOutputStream(4096);

    private State state = State.VALUE;
    private int depth;
    private final byte[] key = new byte[MAX_KEY];
    private int keyLength;
    private boolean keyIsImageField;
    private boolean valueIsImage;
    private int imageArrayDepth = -1;

    private ImageSink sink;
    private final byte[] block = new byte[BLOCK];
    private final byte[] decoded = new byte[BLOCK / 4 * 3];
    private int blockLength;
    private boolean padded;
    private int unicode;
    private int unicodeDigits;

    ImageFieldScanner(Set<String> imageFields, ScannedImages images) {
        this.fieldNames = imageFields.stream().map(name -> name.getBytes(StandardCharsets.UTF_8)).toList();
        this.images = images;
    }

    /** Reads the whole reply; returns the JSON with every image replaced by its mark. */
    byte[] scan(InputStream body) throws IOException {
        byte[] buffer = new byte[READ];
        int read;
        while ((read = body.read(buffer)) != -1) {
            feed(buffer, read);
            if (rest.size() > MAX_REST) {
                throw new MalformedReplyException("the provider's reply has more than " + (MAX_REST >> 20)
                        + " MB of JSON outside its image fields; it does not look like an image reply");
            }
        }
        if (sink != null) {
            throw new EOFException("the reply ended inside an image");
        }
        return rest.toByteArray();
    }

    /** Called when a scan fails: the image being written is closed so its file can be deleted. */
    void abandon() {
        if (sink != null) {
            try {
                sink.close();
            } catch (IOException ignored) {
                // the file is deleted by the caller either way
            }
        }
    }

    private void feed(byte[] buffer, int length) throws IOException {
        int pos = 0;
        while (pos < length) {
            switch (state) {
                case IMAGE -> pos = imageRun(buffer, pos, length);
                case IMAGE_ESCAPE -> imageEscape(buffer[pos++]);
                case IMAGE_UNICODE -> imageUnicodeDigit(buffer[pos++]);
                case STRING -> pos = stringRun(buffer, pos, length);
                case STRING_ESCAPE -> {
                    rest.write(buffer[pos++]);
                    keyLength = -1;
                    state = State.STRING;
                }
                case VALUE -> structure(buffer[pos++]);
            }
        }
    }

    private void structure(byte b) throws IOException {
        rest.write(b);
        switch (b) {
            case ' ', '\t', '\n', '\r' -> {
                return;
            }
            case ':' -> {
                valueIsImage = keyIsImageField;
                keyIsImageField = false;
                return;
            }
            case '"' -> {
                boolean image = valueIsImage || (imageArrayDepth == depth);
                valueIsImage = false;
                keyIsImageField = false;
                if (image) {
                    startImage();
                } else {
                    keyLength = 0;
                    state = State.STRING;
                }
                return;
            }
            case '[' -> {
                depth++;
                if (valueIsImage) {
                    imageArrayDepth = depth;
                }
            }
            case '{' -> depth++;
            case ']', '}' -> {
                if (depth == imageArrayDepth) {
                    imageArrayDepth = -1;
                }
                depth--;
            }
            default -> {
                // a comma, a number, true, false, null: nothing to track
            }
        }
        valueIsImage = false;
        keyIsImageField = false;
    }

    private int stringRun(byte[] buffer, int pos, int length) {
        while (pos < length) {
            byte b = buffer[pos++];
            rest.write(b);
            if (b == '"') {
                keyIsImageField = isImageField();
                state = State.VALUE;
                return pos;
            }
            if (b == '\\') {
                state = State.STRING_ESCAPE;
                return pos;
            }
            if (keyLength >= 0 && keyLength < MAX_KEY) {
                key[keyLength++] = b;
            } else {
                keyLength = -1;
            }
        }
        return pos;
    }

    private boolean isImageField() {
        if (keyLength <= 0) {
            return false;
        }
        for (byte[] name : fieldNames) {
            if (Arrays.equals(key, 0, keyLength, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }

    private void startImage() throws IOException {
        sink = images.open();
        blockLength = 0;
        padded = false;
        state = State.IMAGE;
    }

    /** The hot loop: copies a run of base64 characters into the block, decoding each full block. */
    private int imageRun(byte[] buffer, int pos, int length) throws IOException {
        int start = pos;
        while (pos < length) {
            byte b = buffer[pos];
            if (b == '"' || b == '\\' || (b & 0xff) <= ' ') {
                break;
            }
            pos++;
        }
        append(buffer, start, pos - start);
        if (pos == length) {
            return pos;
        }
        byte b = buffer[pos++];
        if (b == '"') {
            endImage();
        } else if (b == '\\') {
            state = State.IMAGE_ESCAPE;
        }
        // raw white space between base64 characters is skipped, as MIME decoders do
        return pos;
    }

    private void imageEscape(byte b) throws IOException {
        state = State.IMAGE;
        switch (b) {
            case '/' -> appendOne((byte) '/');
            case 'n', 'r', 't' -> {
                // line breaks some encoders put into long base64: not data
            }
            case 'u' -> {
                unicode = 0;
                unicodeDigits = 0;
                state = State.IMAGE_UNICODE;
            }
            default -> throw new MalformedReplyException("the provider's image is not valid base64 (escape \\" + (char) b + ")");
        }
    }

    private void imageUnicodeDigit(byte b) throws IOException {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            throw new MalformedReplyException("the provider's reply has a broken \\u escape inside an image");
        }
        unicode = unicode * 16 + digit;
        if (++unicodeDigits < 4) {
            return;
        }
        state = State.IMAGE;
        if (unicode > ' ' && unicode < 0x7f) {
            appendOne((byte) unicode);
        } else if (unicode > ' ') {
            throw new MalformedReplyException("the provider's image is not valid base64 (character U+"
                    + String.format("%04X", unicode) + ")");
        }
    }

    private void appendOne(byte character) throws IOException {
        block[blockLength++] = character;
        decodeIfFull();
    }

    private void append(byte[] source, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, BLOCK - blockLength);
            System.arraycopy(source, offset, block, blockLength, n);
            blockLength += n;
            offset += n;
            length -= n;
            decodeIfFull();
        }
    }

    private void decodeIfFull() throws IOException {
        if (blockLength == BLOCK) {
            decodeBlock(block);
            blockLength = 0;
        }
    }

    private void decodeBlock(byte[] characters) throws IOException {
        if (padded) {
            throw new MalformedReplyException("the provider's image is not valid base64 (data after the '=' padding)");
        }
        try {
            int n = decoder.decode(characters, decoded);
            sink.write(decoded, 0, n);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("the provider's image is not valid base64 (" + e.getMessage() + ")");
        }
        padded = characters.length > 0 && characters[characters.length - 1] == '=';
    }

    private void endImage() throws IOException {
        if (blockLength > 0) {
            decodeBlock(Arrays.copyOf(block, blockLength));
        }
        ImageSink finished = sink;
        sink = null;
        int number = images.close(finished);
        rest.writeBytes((StreamingReply.IMAGE_MARK + number).getBytes(StandardCharsets.US_ASCII));
        rest.write('"');
        state = State.VALUE;
    }
}
