package io.brief2image.admission;

import io.brief2image.base.ServiceStopping;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door every paid request (image or chat) passes before it is sent: its estimated cost is
 * reserved against today's budget and its bytes claimed on disk, atomically each. When either does
 * not fit, the brief waits right here, its message held in the consumer's open transaction: the
 * consumers that wait take no more briefs, so the rest stay on the queue, and none is
 * dead-lettered for budget or disk. Waiting here rather than rolling the message back and
 * suspending the route keeps the broker's redelivery count untouched: a brief rolled back every few
 * seconds for a day would reach ActiveMQ's redelivery limit and be moved to the DLQ. If the
 * service stops meanwhile the brief goes back to the queue unpaid ({@link ServiceStopping}); a crash
 * gives it back too.
 */
public final class PaymentAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentAdmission.class);
    private static final long RECHECK_MILLIS = 250;

    private final Budget budget;
    private final DiskRoom disk;
    private final BooleanSupplier stopping;

    public PaymentAdmission(Budget budget, DiskRoom disk, BooleanSupplier stopping) {
        this.budget = budget;
        this.disk = disk;
        this.stopping = stopping;
    }

    /**
     * Blocks until {@code usd} is reserved and {@code bytes} are claimed for {@code owner} (a brief id).
     * Rechecks every 250 ms and at once when the budget changes, so a raise, a new day (UTC) or
     * freed space lets the brief go on by itself.
     */
    public SpendBudget.Reservation admit(String what, String owner, double usd, long bytes) {
        boolean waitedForBudget = false;
        boolean waitedForDisk = false;
        try {
            while (true) {
                if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new ServiceStopping("it was waiting for room in the budget or on disk");
                }
                if (disk.tryClaim(owner, bytes)) {
                    Optional<SpendBudget.Reservation> reserved = budget.tryReserve(usd);
                    if (reserved.isPresent()) {
                        return reserved.get();
                    }
                    disk.release(owner);
                    if (!waitedForBudget) {
                        waitedForBudget = true;
                        budget.waiting(1);
                        LOG.warn("{} of brief {} waits for budget: {}", what, owner, budget.reason());
                    }
                } else if (!waitedForDisk) {
                    waitedForDisk = true;
                    disk.waiting(1);
                    LOG.warn("{} of brief {} waits for disk space: {}", what, owner, disk.reason());
                }
                try {
                    budget.awaitChange(RECHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            if (waitedForBudget) {
                budget.waiting(-1);
            }
            if (waitedForDisk) {
                disk.waiting(-1);
            }
        }
    }

    public void settle(SpendBudget.Reservation reservation, double actualUsd) {
        budget.settle(reservation, actualUsd);
    }

    public void release(SpendBudget.Reservation reservation) {
        budget.release(reservation);
    }

    /** The brief is written out or failed: its disk claim ends. */
    public void done(String owner) {
        disk.release(owner);
    }

    public Budget budget() {
        return budget;
    }

    public DiskRoom disk() {
        return disk;
    }
}
