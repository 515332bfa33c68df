package io.brief2image.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily budget of one process, by reservation (see {@link SpendBudget}). Every reservation,
 * settlement and release is one line appended to today's journal under data/spend, so a restart
 * knows today's spend: {@code r <id> <usd>} reserve, {@code s <id> <usd>} settle to the actual
 * cost, {@code x <id>} release; a bare amount (older journals) is a settled cost. A reservation
 * with no outcome (the process died during the request) counts at its estimate, since the
 * provider may have been paid.
 */
public final class Budget implements SpendBudget, BudgetState {

    private static final Logger LOG = LoggerFactory.getLogger(Budget.class);

    private final Path dir;
    private final Clock clock;
    private final String process = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile double limitUsd;
    private volatile double refusedUsd;
    private LocalDate day;
    private double settled;
    private final Map<String, Double> open = new HashMap<>();
    private FileChannel journal;

    public Budget(Path dataDir, Clock clock, double limitUsd) {
        this.dir = dataDir.resolve("spend");
        this.clock = clock;
        this.limitUsd = limitUsd;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Optional<Reservation> tryReserve(double usd) {
        rollOver();
        if (limitUsd > 0 && spentNow() + usd > limitUsd + 1e-9) {
            refusedUsd = usd;
            return Optional.empty();
        }
        Reservation reservation = new Reservation(process + "-" + sequence.incrementAndGet(), day, usd);
        open.put(reservation.id(), usd);
        append(day, "r " + reservation.id() + " " + usd);
        return Optional.of(reservation);
    }

    @Override
    public synchronized void settle(Reservation reservation, double actualUsd) {
        rollOver();
        append(reservation.day(), "s " + reservation.id() + " " + actualUsd);
        if (reservation.day().equals(day) && open.remove(reservation.id()) != null) {
            settled += actualUsd;
        }
        notifyAll();
    }

    @Override
    public synchronized void release(Reservation reservation) {
        rollOver();
        append(reservation.day(), "x " + reservation.id());
        if (reservation.day().equals(day)) {
            open.remove(reservation.id());
        }
        notifyAll();
    }

    /** A settled cost with no reservation before it (kept for callers that only learn the cost afterwards). */
    public synchronized void spend(double usd) {
        rollOver();
        settled += usd;
        append(day, String.valueOf(usd));
        notifyAll();
    }

    @Override
    public synchronized double spentTodayUsd() {
        rollOver();
        return spentNow();
    }

    private double spentNow() {
        return settled + open.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double limitUsd() {
        return limitUsd;
    }

    /** Raising (or removing, with 0) the limit at run time lets waiting requests through at once. */
    public synchronized void setLimitUsd(double limitUsd) {
        this.limitUsd = limitUsd;
        notifyAll();
    }

    /** Blocks up to {@code millis} for a settlement, release or new limit, after a refused reservation. */
    public synchronized void awaitChange(long millis) throws InterruptedException {
        wait(millis);
    }

    /** Requests now waiting for budget (PaymentAdmission counts them in and out). */
    void waiting(int delta) {
        waiting.addAndGet(delta);
    }

    @Override
    public boolean paused() {
        return limitUsd > 0 && (waiting.get() > 0 || spentTodayUsd() >= limitUsd);
    }

    @Override
    public String reason() {
        if (!paused()) {
            return "";
        }
        return "today's spend of $" + usd(spentTodayUsd()) + " (requests under way included) leaves no room in the daily budget of $"
                + usd(limitUsd) + " (BRIEF2IMAGE_DAILY_BUDGET_USD) for the next image or chat request (about $" + usd(refusedUsd)
                + "); briefs wait until tomorrow (UTC) or until the budget is raised";
    }

    /** Dollars with cents, and up to four decimals where cents would hide the figure ($0.015, not $0.02). */
    static String usd(double amount) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(amount).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return exact.scale() < 2 ? exact.setScale(2).toPlainString() : exact.toPlainString();
    }

    private void rollOver() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(day)) {
            closeJournal();
            day = today;
            open.clear();
            settled = read(today);
        }
    }

    /**
     * One short write to a file that stays open, not a new file per request (creating and renaming
     * a file per brief cost more kernel time than the append, BENCHMARKS.md, Findings). A crash of
     * the process loses no line the call returned from; a torn last line after a power cut is skipped.
     */
    private void append(LocalDate date, String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            if (!date.equals(day)) {
                // the settlement of a request that started before midnight goes to its own day
                Files.write(file(date), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return;
            }
            if (journal == null) {
                journal = FileChannel.open(file(day), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            journal.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            LOG.warn("could not record today's spend (it is still counted while the service runs): {}", e.getMessage());
        }
    }

    /** A day's spend from its journal: settled costs plus reservations that never had an outcome. */
    private double read(LocalDate date) {
        Path file = file(date);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        Map<String, Double> reserved = new HashMap<>();
        double total = 0;
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String[] parts = line.strip().split(" ");
                try {
                    switch (parts[0]) {
                        case "r" -> reserved.put(parts[1], Double.parseDouble(parts[2]));
                        case "s" -> {
                            reserved.remove(parts[1]);
                            total += Double.parseDouble(parts[2]);
                        }
                        case "x" -> reserved.remove(parts[1]);
                        default -> total += Double.parseDouble(parts[0]);
                    }
                } catch (RuntimeException tornOrEmpty) {
                    // a torn last line after a power cut, or an empty one
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not read today's spend from {}: {}", file, e.getMessage());
            return 0;
        }
        return total + reserved.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // every line was written when its call returned
            }
            journal = null;
        }
    }

    private Path file(LocalDate date) {
        return dir.resolve(date + ".spend");
    }
}
