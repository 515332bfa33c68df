package io.brief2image.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.render.ImageRequest;
import io.brief2image.render.OpenAiImagesProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * One batch input file being written on disk, a JSONL line per image request:
 * {@code {"custom_id", "method": "POST", "url", "body"}}, where {@code body} is exactly what the
 * synchronous call would send ({@link OpenAiImagesProvider#requestBody}). A file holds one endpoint
 * (a batch has one); {@link #add} refuses a line that would pass the {@link BatchLimits}, which is the
 * caller's cue to close this file and start the next. Each line is written whole and
 * {@link #sync} forces it to disk, so a file reopened after a crash ({@link #reopen}) has only whole
 * lines: a line cut by the crash is cut off.
 */
public final class BatchInputFile implements AutoCloseable {

    public static final String GENERATIONS = "/v1/images/generations";
    public static final String EDITS = "/v1/images/edits";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final String endpoint;
    private final BatchLimits limits;
    private final FileChannel channel;
    private final OutputStream out;
    private int lines;
    private long bytes;
    private boolean closed;

    private BatchInputFile(Path path, String endpoint, BatchLimits limits, int lines, long bytes) throws IOException {
        if (!GENERATIONS.equals(endpoint) && !EDITS.equals(endpoint)) {
            throw new IllegalArgumentException("a batch input file is for " + GENERATIONS + " or " + EDITS + ", not " + endpoint);
        }
        this.path = path;
        this.endpoint = endpoint;
        this.limits = limits;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.channel.truncate(bytes).position(bytes);
        this.out = java.nio.channels.Channels.newOutputStream(channel);
        this.lines = lines;
        this.bytes = bytes;
    }

    /** A new, empty file (an existing file of that name is replaced). */
    public static BatchInputFile create(Path path, String endpoint, BatchLimits limits) throws IOException {
        return new BatchInputFile(path, endpoint, limits, 0, 0);
    }

    /** An open file found after a restart: its whole lines are kept, a last line without its line break is cut off. */
    public static BatchInputFile reopen(Path path, String endpoint, BatchLimits limits) throws IOException {
        int whole = 0;
        long wholeBytes = 0;
        long offset = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b == '\n') {
                    whole++;
                    wholeBytes = offset;
                }
            }
        }
        return new BatchInputFile(path, endpoint, limits, whole, wholeBytes);
    }

    /**
     * An open file found after a restart, cut back to the {@code lines} and {@code bytes} the store
     * recorded: a line written after the last record (its brief was not acknowledged, so it comes again) is cut off.
     */
    public static BatchInputFile reopenAt(Path path, String endpoint, BatchLimits limits, int lines, long bytes) throws IOException {
        return new BatchInputFile(path, endpoint, limits, lines, bytes);
    }

    /** The endpoint a request goes to: edits for a base image the model can edit, else generations. */
    public static String endpointFor(OpenAiImagesProvider provider, ImageRequest request) {
        return provider.edits(request) ? EDITS : GENERATIONS;
    }

    /**
     * Appends the line for {@code request}: the synchronous body, and for an edit the base image as a
     * data URL in {@code images} (a batch line is JSON, not multipart).
     *
     * @return the line number (1-based), or 0 when the line would pass the limits (nothing written)
     */
    public int add(String customId, OpenAiImagesProvider provider, ImageRequest request) throws IOException {
        if (!endpointFor(provider, request).equals(endpoint)) {
            throw new IllegalArgumentException("request for " + endpointFor(provider, request) + " in a file for " + endpoint);
        }
        ObjectNode body = provider.requestBody(request);
        if (EDITS.equals(endpoint)) {
            body.putArray("images").addObject().put("image_url", dataUrl(request.baseImage()));
        }
        return add(customId, body);
    }

    /** Appends a line with a ready body; 0 when it would pass the limits. */
    public synchronized int add(String customId, ObjectNode body) throws IOException {
        if (closed) {
            throw new IllegalStateException("batch input file " + path.getFileName() + " is closed");
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("custom_id", customId);
        line.put("method", "POST");
        line.put("url", endpoint);
        line.set("body", body);
        byte[] encoded = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        if (lines + 1 > limits.maxLines() || bytes + encoded.length > limits.maxBytes()) {
            return 0;
        }
        out.write(encoded);
        lines++;
        bytes += encoded.length;
        return lines;
    }

    /** Cuts the file back to an earlier size: lines written since (their brief failed before they were recorded) are gone. */
    public synchronized void cutBack(int toLines, long toBytes) throws IOException {
        channel.truncate(toBytes).position(toBytes);
        lines = toLines;
        bytes = toBytes;
    }

    /** Forces what was written to disk (before the line counts as queued). */
    public synchronized void sync() throws IOException {
        channel.force(false);
    }

    public synchronized int lines() {
        return lines;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** Whether another line is sure not to fit: the line limit is reached. */
    public synchronized boolean full() {
        return lines >= limits.maxLines();
    }

    public Path path() {
        return path;
    }

    public String endpoint() {
        return endpoint;
    }

    /** Syncs and closes the file; it is ready for {@link BatchApi#upload}. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.force(false);
            channel.close();
        }
    }

    private static String dataUrl(Path image) throws IOException {
        String name = image.getFileName().toString();
        String type = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : name.endsWith(".webp") ? "image/webp" : "image/png";
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(image));
    }
}
