package io.brief2image.ops;

import io.brief2image.outbox.AtomicFiles;
import io.brief2image.outbox.Json;
import io.brief2image.outbox.PartialFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final PartialFiles partials;
    private final Clock clock;
    private volatile double limitUsd;
    private LocalDate day;
    private double spent;
    private final AtomicInteger unsaved = new AtomicInteger();

    public Budget(Path dataDir, PartialFiles partials, Clock clock, double limitUsd) {
        this.dir = dataDir.resolve("spend");
        this.partials = partials;
        this.clock = clock;
        this.limitUsd = limitUsd;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds to today's total at once; the file is written by whichever caller finds no write under
     * way, which writes again while others added meanwhile. So 32 consumers finishing together do
     * not queue behind each other's disk writes (scenario 2 of BENCHMARKS.md), and the file trails
     * the total by at most the spends being written at that moment.
     */
    public void spend(double usd) {
        synchronized (this) {
            rollOver();
            spent += usd;
        }
        if (unsaved.getAndIncrement() != 0) {
            return;
        }
        int saving = 1;
        do {
            save();
            saving = unsaved.addAndGet(-saving);
        } while (saving != 0);
    }

    private void save() {
        LocalDate savedDay;
        double savedUsd;
        synchronized (this) {
            savedDay = day;
            savedUsd = spent;
        }
        try {
            AtomicFiles.write(partials.next(), Json.MAPPER.writeValueAsBytes(Map.of("day", savedDay.toString(), "usd", savedUsd)), file(savedDay));
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
            day = today;
            spent = readSpent(today);
        }
    }

    private double readSpent(LocalDate date) {
        Path file = file(date);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            return Json.MAPPER.readTree(file.toFile()).path("usd").asDouble();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path file(LocalDate date) {
        return dir.resolve(date + ".json");
    }
}
