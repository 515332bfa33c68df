package io.brief2image.ops.web;

import io.brief2image.deadletter.DeadLetterReplay;
import io.brief2image.ops.AdminAccess;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /api/replay: requeues every dead letter, for an admin (see {@link AdminAccess}). */
public final class ReplayApi {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayApi.class);

    private final AdminGuard guard;
    private final DeadLetterReplay replay;

    public ReplayApi(AdminAccess access, DeadLetterReplay replay) {
        this.guard = new AdminGuard(access);
        this.replay = replay;
    }

    public void replay(Exchange exchange) {
        if (!guard.allows(exchange, "replay")) {
            return;
        }
        try {
            List<DeadLetterReplay.Moved> moved = runOnce();
            LOG.info("replay over HTTP moved {} dead letters", moved.size());
            HttpReply.json(exchange, 200, Map.of("moved", moved));
        } catch (IOException e) {
            HttpReply.error(exchange, 500, "replay failed: " + e.getMessage());
        }
    }

    /** Two replays at once would race for the same files. */
    private synchronized List<DeadLetterReplay.Moved> runOnce() throws IOException {
        return replay.run();
    }
}
