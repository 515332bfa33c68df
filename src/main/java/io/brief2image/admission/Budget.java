package io.brief2image.admission;

import io.brief2image.store.BudgetPause;
import io.brief2image.store.SpendLedger;
import io.brief2image.store.StoreUnavailable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daily budget, by reservation (see {@link SpendBudget}), kept in the shared store's
 * {@link SpendLedger}: one row per day (UTC) holding settled spend and what is reserved for requests
 * under way, for every instance on the same store. A reservation is one conditional UPDATE, so the
 * fleet's concurrent requests never together pass the limit. A reservation with no outcome (its
 * process died during the request) keeps counting at its estimate, since the provider may have been
 * paid. While this instance waits for budget, the store's {@link BudgetPause} says so to the fleet.
 */
public final class Budget implements SpendBudget, BudgetState {

    private static final long NANOS = 1_000_000_000;
    /** No limit (0 in the setting), as a stored figure no spend reaches. */
    private static final long UNLIMITED = Long.MAX_VALUE / 4;

    private final SpendLedger ledger;
    private final BudgetPause pause;
    private final String instance;
    private final Clock clock;
    private final String process = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Reservations of this process not yet settled or released: each is settled or released once. */
    private final Set<String> open = new HashSet<>();
    private volatile double limitUsd;
    private volatile double refusedUsd;

    public Budget(SpendLedger ledger, BudgetPause pause, String instance, Clock clock, double limitUsd) {
        this.ledger = ledger;
        this.pause = pause;
        this.instance = instance;
        this.clock = clock;
        this.limitUsd = limitUsd;
    }

    @Override
    public Optional<Reservation> tryReserve(double usd) {
        LocalDate day = LocalDate.now(clock);
        if (!ledger.reserve(day, nanos(usd), limitNanos(limitUsd))) {
            refusedUsd = usd;
            return Optional.empty();
        }
        Reservation reservation = new Reservation(process + "-" + sequence.incrementAndGet(), day, usd);
        synchronized (this) {
            open.add(reservation.id());
        }
        return Optional.of(reservation);
    }

    @Override
    public void settle(Reservation reservation, double actualUsd) {
        if (close(reservation)) {
            ledger.settle(reservation.day(), nanos(reservation.usd()), nanos(actualUsd));
        }
        changed();
    }

    @Override
    public void release(Reservation reservation) {
        if (close(reservation)) {
            ledger.release(reservation.day(), nanos(reservation.usd()));
        }
        changed();
    }

    /** What settling {@code reservation} at {@code actualUsd} changes in the store, for the caller's own transaction. */
    public SpendLedger.DayChange settling(Reservation reservation, double actualUsd) {
        return new SpendLedger.DayChange(reservation.day(), nanos(actualUsd), -nanos(reservation.usd()));
    }

    /** What releasing {@code reservation} changes in the store, for the caller's own transaction. */
    public SpendLedger.DayChange releasing(Reservation reservation) {
        return new SpendLedger.DayChange(reservation.day(), 0, -nanos(reservation.usd()));
    }

    /** The caller's transaction settled or released {@code reservation} ({@link #settling}, {@link #releasing}). */
    public void ended(Reservation reservation) {
        close(reservation);
        changed();
    }

    /**
     * A reservation made by an earlier run of this instance (a batch line recorded in the store before a
     * restart): its amount still counts in the store, so it is taken on here to be settled or released once.
     */
    public synchronized void adopt(Reservation reservation) {
        open.add(reservation.id());
    }

    private synchronized boolean close(Reservation reservation) {
        return open.remove(reservation.id());
    }

    /** A settled cost with no reservation before it (kept for callers that only learn the cost afterwards). */
    public void spend(double usd) {
        ledger.addSpent(LocalDate.now(clock), nanos(usd));
        changed();
    }

    /** Settled spend plus reservations, of the whole fleet; throws {@link StoreUnavailable} while the store is down. */
    @Override
    public double spentTodayUsd() {
        return ledger.day(LocalDate.now(clock)).totalNanos() / (double) NANOS;
    }

    /** The day's limit of the fleet: the one set at run time on any instance, else this instance's setting (0: none). */
    public double limitUsd() {
        return limitUsd(ledger.day(LocalDate.now(clock)));
    }

    private double limitUsd(SpendLedger.DaySpend today) {
        if (!today.limitSet()) {
            return limitUsd;
        }
        return today.limitNanos() >= UNLIMITED ? 0 : today.limitNanos() / (double) NANOS;
    }

    /**
     * Raising (or removing, with 0) the limit at run time: stored as today's limit for every instance on
     * the store, so a raise on one instance lets the whole fleet go on; waiting requests here go at once,
     * those of other instances at their next try.
     */
    public void setLimitUsd(double limitUsd) {
        this.limitUsd = limitUsd;
        ledger.setLimit(LocalDate.now(clock), limitNanos(limitUsd));
        changed();
    }

    private static long limitNanos(double usd) {
        return usd > 0 ? nanos(usd) : UNLIMITED;
    }

    /** Blocks up to {@code millis} for a settlement, release or new limit in this process, after a refused reservation. */
    public synchronized void awaitChange(long millis) throws InterruptedException {
        wait(millis);
    }

    private synchronized void changed() {
        notifyAll();
    }

    /** Requests now waiting for budget (PaymentAdmission counts them in and out); the fleet sees it in the store. */
    void waiting(int delta) {
        int now = waiting.addAndGet(delta);
        if (delta > 0 && now == delta) {
            pause.pause(instance, reason());
        } else if (delta < 0 && now == 0) {
            pause.resume(instance);
        }
    }

    @Override
    public boolean paused() {
        try {
            SpendLedger.DaySpend today = ledger.day(LocalDate.now(clock));
            double limit = limitUsd(today);
            if (limit <= 0) {
                return false;
            }
            return waiting.get() > 0 || today.totalNanos() / (double) NANOS >= limit || !othersWaiting().isEmpty();
        } catch (StoreUnavailable e) {
            return true;
        }
    }

    @Override
    public String reason() {
        if (!paused()) {
            return "";
        }
        try {
            String reason = "today's spend of $" + usd(spentTodayUsd()) + " (requests under way included) leaves no room in the daily budget of $"
                    + usd(limitUsd()) + " (BRIEF2IMAGE_DAILY_BUDGET_USD) for the next image or chat request (about $" + usd(refusedUsd)
                    + "); briefs wait until tomorrow (UTC) or until the budget is raised";
            List<BudgetPause.Paused> others = othersWaiting();
            return others.isEmpty() ? reason : reason + " (" + others.size() + " other instance" + (others.size() == 1 ? "" : "s") + " waiting too)";
        } catch (StoreUnavailable e) {
            return e.getMessage();
        }
    }

    private List<BudgetPause.Paused> othersWaiting() {
        return pause.current().stream().filter(p -> !p.instance().equals(instance)).toList();
    }

    private static long nanos(double usd) {
        return Math.round(usd * NANOS);
    }

    /** Dollars with cents, and up to four decimals where cents would hide the figure ($0.015, not $0.02). */
    static String usd(double amount) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(amount).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return exact.scale() < 2 ? exact.setScale(2).toPlainString() : exact.toPlainString();
    }
}
