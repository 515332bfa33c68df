package io.brief2image.brief;

import io.brief2image.base.MessageHeaders;
import io.brief2image.base.BriefFailure;
import io.brief2image.base.Progress;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The inbox step: refuses what must not be read (links, oversized files), reads UTF-8 strictly,
 * and cuts a spreadsheet into one brief per row. Parsing and validation happen on the queue, so
 * file and JMS briefs share one path.
 */
public final class InboxIntake {

    private final long maxBytes;
    private final Path ingestedDir;
    private final Progress progress;
    private final Priority priority;

    public InboxIntake(long maxBytes, Path dataDir, Progress progress) {
        this(maxBytes, dataDir, progress, Priority.NOW);
    }

    /** {@code priority}: the setting inbox-priority, for inbox briefs that do not say their own. */
    public InboxIntake(long maxBytes, Path dataDir, Progress progress, Priority priority) {
        this.maxBytes = maxBytes;
        this.ingestedDir = dataDir.resolve("ingested");
        this.progress = progress;
        this.priority = priority;
    }

    public List<BriefFiles.QueuedBrief> read(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        File file = message.getBody(org.apache.camel.component.file.GenericFile.class).getFile() instanceof File f ? f : null;
        message.setHeader(MessageHeaders.MOVE_TO, ingestedDir.resolve(Instant.now().toString().substring(0, 10))
                .resolve(exchange.getExchangeId() + "-" + name).toAbsolutePath().toString());
        message.setHeader(MessageHeaders.FIRST_SEEN, Instant.now().toString());
        Path path = file.toPath();
        if (Files.isSymbolicLink(path)) {
            throw new BriefFailure("intake", "The file '" + name + "' is a symbolic link, and brief2image does not follow links: copy the brief itself into the inbox.");
        }
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new BriefFailure("intake", "The file '" + name + "' is " + size + " bytes, more than the limit of " + maxBytes
                    + " bytes: split it into smaller files (an operator can raise BRIEF2IMAGE_MAX_BRIEF_BYTES).");
        }
        List<BriefFiles.QueuedBrief> briefs = BriefFiles.split(name, BriefFiles.utf8(Files.readAllBytes(path), name), "file");
        progress.enqueued(briefs.size());
        return briefs;
    }

    /**
     * Split step: one queued brief becomes the JMS message body and properties. The inbox's priority
     * travels as the message property a JMS sender would set, so both reach the brief one way; the
     * brief's own field still wins.
     */
    public void prepare(Exchange exchange) {
        BriefFiles.QueuedBrief brief = exchange.getMessage().getBody(BriefFiles.QueuedBrief.class);
        String firstSeen = exchange.getMessage().getHeader(MessageHeaders.FIRST_SEEN, String.class);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeaders(new java.util.HashMap<>(brief.envelope().headers()));
        exchange.getMessage().setHeader(MessageHeaders.FIRST_SEEN, firstSeen);
        exchange.getMessage().setHeader(Priority.PROPERTY, priority.wire());
        exchange.getMessage().setBody(brief.text());
    }
}
