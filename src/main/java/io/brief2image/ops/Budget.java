package io.brief2image.ops;

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
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily budget: estimated spend per UTC day is kept under the data folder (so a restart does
 * not forget it); when it reaches the limit the produce route is suspended — briefs wait on the
 * queue, nothing fails — and resumed on the next day or when the limit is raised.
 */
public final class Budget implements BudgetState {

    private static final Logger LOG = LoggerFactory.getLogger(Budget.class);
    public static final String ROUTE = "produce";

    private final Path dir;
    private final Clock clock;
    private volatile double limitUsd;
    private LocalDate day;
    private double spent;
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

    /**
     * Adds to today's total and appends the amount to today's spend journal: one short write to a
     * file that stays open, not a new file per brief (creating and renaming a file per brief cost
     * more kernel time than the append, BENCHMARKS.md, Findings). A crash of the process loses no
     * line the call returned from; a torn last line after a power cut is skipped when read.
     */
    public synchronized void spend(double usd) {
        rollOver();
        spent += usd;
        try {
            if (journal == null) {
                journal = FileChannel.open(file(day), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            journal.write(ByteBuffer.wrap((usd + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            LOG.warn("could not record today's spend: {}", e.getMessage());
        }
    }

    @Override
    public synchronized double spentTodayUsd() {
        rollOver();
        return spent;
    }

    public double limitUsd() {
        return limitUsd;
    }

    /** Raising (or removing, with 0) the limit at run time resumes a paused pipeline at the next check. */
    public void setLimitUsd(double limitUsd) {
        this.limitUsd = limitUsd;
    }

    @Override
    public boolean paused() {
        return limitUsd > 0 && spentTodayUsd() >= limitUsd;
    }

    @Override
    public String reason() {
        if (!paused()) {
            return "";
        }
        return String.format("today's estimated spend $%.2f reached the daily budget of $%.2f (BRIEF2IMAGE_DAILY_BUDGET_USD);"
                + " briefs wait on the queue until tomorrow (UTC) or until the budget is raised", spentTodayUsd(), limitUsd);
    }

    /** Called by the budget route every few seconds: suspends or resumes consumption. */
    public void enforce(CamelContext context) throws Exception {
        ServiceStatus status = context.getRouteController().getRouteStatus(ROUTE);
        if (status == null) {
            return;
        }
        if (paused() && status.isStarted()) {
            LOG.warn("budget reached, pausing consumption of queue briefs: {}", reason());
            context.getRouteController().suspendRoute(ROUTE);
        } else if (!paused() && status.isSuspended()) {
            LOG.info("budget allows work again (spent ${} of ${}); resuming", String.format("%.2f", spentTodayUsd()), limitUsd);
            context.getRouteController().resumeRoute(ROUTE);
        }
    }

    private void rollOver() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(day)) {
            closeJournal();
            day = today;
            spent = readSpent(today);
        }
    }

    /** Today's journal: one amount per line. */
    private double readSpent(LocalDate date) {
        Path file = file(date);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            return lines.mapToDouble(Budget::amount).sum();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not read today's spend from {}: {}", file, e.getMessage());
            return 0;
        }
    }

    private static double amount(String line) {
        try {
            return Double.parseDouble(line.strip());
        } catch (NumberFormatException tornOrEmpty) {
            return 0;
        }
    }

    private void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // every line was written when spend() returned
            }
            journal = null;
        }
    }

    private Path file(LocalDate date) {
        return dir.resolve(date + ".spend");
    }
}
