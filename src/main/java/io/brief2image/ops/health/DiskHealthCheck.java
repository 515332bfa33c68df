package io.brief2image.ops.health;

import io.brief2image.admission.BudgetState;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/** UP while the outbox and data folders have room for the images under way; DOWN with how much is free and needed. */
public final class DiskHealthCheck extends ReadinessCheck {

    private final BudgetState disk;
    private final IntSupplier keptImages;

    public DiskHealthCheck(BudgetState disk, IntSupplier keptBriefs) {
        super("disk");
        this.disk = disk;
        this.keptImages = keptBriefs;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        int kept = keptImages.getAsInt();
        builder.detail("briefs_kept_for_the_outbox", kept);
        if (disk.paused()) {
            builder.message("paused: " + disk.reason()).down();
        } else if (kept > 0) {
            builder.message(kept + " briefs' images are kept under data/pending-outbox and go to the outbox at the next check").up();
        } else {
            builder.message("room for the images under way").up();
        }
    }
}
