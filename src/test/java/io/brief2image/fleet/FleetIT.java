package io.brief2image.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.admission.CostEstimate;
import io.brief2image.base.Json;
import io.brief2image.admission.Estimates;
import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.offline.OfflineImageServer;
import io.brief2image.offline.OfflineOptions;
import io.brief2image.offline.RecordedRequest;
import io.brief2image.testing.Fleet;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.StandaloneBroker;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of the packaged jar on one standalone broker, one shared inbox and outbox: 300
 * file briefs dropped in the shared inbox and 100 JMS briefs, one instance killed -9 mid-run. Every
 * brief is done exactly once, only briefs in flight at the kill are paid twice, nothing is left in
 * the inbox or dead-lettered. The instances share one PostgreSQL database, so the fleet also keeps one
 * daily budget and one pace: its spend stops within the budget, a raise on one instance lets every
 * instance go on, and its images per minute are within 5 % of images-per-minute.
 */
class FleetIT {

    static final int INSTANCES = 3;
    static final int FILE_BRIEFS = 300;
    static final int JMS_BRIEFS = 100;
    static final int TOTAL = FILE_BRIEFS + JMS_BRIEFS;
    static final int CONCURRENCY = 4;
    /** JMS consumers of one instance at this concurrency (app.Settings.Limits#consumers): the briefs it holds at once. */
    static final int CONSUMERS = CONCURRENCY + 2;
    /** The fleet's pace: 400 briefs take 40 s of it; three instances at concurrency 4 on 300 ms replies could do 2,400. */
    static final int IMAGES_PER_MINUTE = 600;

    static final ModelSpec MODEL = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();
    static final Estimates ESTIMATES = Estimates.load("classpath:estimates.yaml", "classpath:models.yaml");

    @TempDir
    Path root;

    @Test
    void threeInstancesKillOneMidRunEveryBriefDoneExactlyOnce() throws Exception {
        long started = System.nanoTime();
        // a budget for three quarters of the work: one shared budget pauses the fleet before the end,
        // three private ones would each let an instance spend it all
        double imageUsd = CostEstimate.before(MODEL, ESTIMATES, "x".repeat(400), "1024x1024", "low", 1, false);
        double budgetUsd = Math.round(imageUsd * TOTAL * 0.75 * 10_000) / 10_000.0;
        try (OfflineImageServer provider = OfflineImageServer.start(OfflineOptions.defaults().withLatencyMillis(300).withFixedImageBytes(2048));
             StandaloneBroker broker = StandaloneBroker.start(root.resolve("broker"))) {
            Fleet fleet = Fleet.start(root.resolve("fleet"), broker, provider.baseUrl(), INSTANCES, Map.of(
                    "concurrency", String.valueOf(CONCURRENCY), "images-per-minute", String.valueOf(IMAGES_PER_MINUTE),
                    "daily-budget-usd", String.format(Locale.ROOT, "%.4f", budgetUsd),
                    "inbox-quiet-ms", "100", "retry-base-ms", "50", "claim-lease-seconds", "5"));
            try {
                run(fleet, broker, provider, budgetUsd);
            } catch (Throwable failure) {
                System.out.println("FleetIT failed; logs in " + fleet.collectLogs("FleetIT"));
                throw failure;
            } finally {
                fleet.close();
            }
        }
        System.out.printf(Locale.ROOT, "FleetIT took %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void run(Fleet fleet, StandaloneBroker broker, OfflineImageServer provider, double budgetUsd) throws Exception {
        for (int i = 0; i < FILE_BRIEFS; i++) {
            Path temp = fleet.inbox().resolveSibling("file-" + i + ".json.tmp");
            Files.writeString(temp, "{\"prompt\": \"file-" + i + " marker: a windmill\", \"n\": 1, \"quality\": \"low\"}");
            Files.move(temp, fleet.inbox().resolve("file-" + i + ".json"));
        }
        try (Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("briefs"));
            for (int i = 0; i < JMS_BRIEFS; i++) {
                producer.send(session.createTextMessage("{\"id\": \"jms-" + i + "\", \"prompt\": \"jms-" + i
                        + " marker: a kite\", \"n\": 1, \"quality\": \"low\"}"));
            }
        }

        await("100 briefs done").atMost(Duration.ofSeconds(120)).until(() -> FleetRecords.sidecars(fleet).size() >= 100 && FleetRecords.requestedBriefs(provider) > FleetRecords.sidecars(fleet).size());
        fleet.kill(0);
        int inFlightAtKill = FleetRecords.notDone(fleet, fleet.instance(0));

        // the fleet pauses at its one budget: nothing more is paid while it is spent
        await("the fleet pauses at the budget").atMost(Duration.ofSeconds(120)).during(Duration.ofSeconds(3))
                .until(() -> FleetRecords.sidecars(fleet).size() < TOTAL && FleetRecords.sidecars(fleet).size() == imageCalls(provider) - repeats(provider));
        double spentAtPause = spentUsd(fleet, provider);
        assertThat(spentAtPause).as("the fleet's spend against its daily budget").isLessThanOrEqualTo(budgetUsd);
        // a raise on ONE instance is the fleet's: stored as the day's limit, the other survivor goes on too
        Fleet.Instance raiser = fleet.instance(1);
        Fleet.Instance other = fleet.instance(2);
        int otherDoneAtPause = FleetRecords.doneBy(fleet, other);
        assertThat(new HttpCalls(raiser.httpPort()).post("/api/budget?daily_usd=" + budgetUsd * 10).statusCode()).isEqualTo(200);
        JsonNode otherFleet = Json.MAPPER.readTree(new HttpCalls(other.httpPort()).get("/api/status").body()).path("fleet");
        assertThat(otherFleet.path("daily_budget_usd").asDouble()).as("the raise as the other instance sees it").isCloseTo(budgetUsd * 10, within(1e-6));
        await("all briefs done").atMost(Duration.ofSeconds(150)).until(() -> FleetRecords.sidecars(fleet).size() >= TOTAL);
        assertThat(FleetRecords.doneBy(fleet, other)).as("the instance that did not raise the budget went on after the raise").isGreaterThan(otherDoneAtPause);
        // the log settles: a redelivered brief may still be rendered again
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofSeconds(2))
                .until(() -> seen.getAndSet(provider.requests().size()) == provider.requests().size());

        // every brief exactly once: one image and one sidecar in its own folder, nothing failed or left behind
        Set<String> ids = IntStream.range(0, TOTAL).mapToObj(i -> i < FILE_BRIEFS ? "file-" + i : "jms-" + (i - FILE_BRIEFS))
                .collect(Collectors.toSet());
        Map<String, List<JsonNode>> byBrief = FleetRecords.sidecars(fleet).stream().collect(Collectors.groupingBy(s -> s.path("brief_id").asText()));
        assertThat(byBrief.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(byBrief.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        for (String id : ids) {
            try (Stream<Path> files = Files.list(fleet.outbox().resolve(id))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(id + "-1.json", id + "-1.png");
            }
            assertThat(byBrief.get(id).get(0).path("source").path("channel").asText()).isEqualTo(id.startsWith("file") ? "file" : "jms");
        }
        assertThat(FleetRecords.done(fleet)).as("the shared ledger: every brief done once").isEqualTo(TOTAL);
        assertThat(fleet.failed()).isEmptyDirectory();
        assertThat(fleet.inbox()).as("no file and no claim left").isEmptyDirectory();
        // each instance rendered briefs, and the survivors took what the dead one held. Reading files is
        // not shared out evenly and need not be: a poll sends up to 200 files to the queue in a second or
        // two, so one instance may well ingest them all (CI saw [0, 2, 298]); the queue shares the work
        List<Integer> renderedPerInstance = new ArrayList<>();
        for (Fleet.Instance instance : fleet.instances()) {
            renderedPerInstance.add(FleetRecords.doneBy(fleet, instance));
        }
        assertThat(renderedPerInstance).as("briefs rendered per instance").allSatisfy(n -> assertThat(n).isPositive());
        List<Long> perInstance = fleet.instances().stream().map(FleetRecords::ingested).toList();
        assertThat(perInstance.stream().mapToLong(Long::longValue).sum()).as("each file ingested by exactly one instance").isEqualTo(FILE_BRIEFS);

        // provider calls: every brief once, again only what was in flight at the kill
        Map<String, Long> perBrief = provider.requests().stream().filter(r -> r.prompt() != null)
                .collect(Collectors.groupingBy(FleetRecords::briefOf, Collectors.counting()));
        assertThat(perBrief.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        long calls = perBrief.values().stream().mapToLong(Long::longValue).sum();
        assertThat(calls).isLessThanOrEqualTo(TOTAL + inFlightAtKill);
        assertThat(inFlightAtKill).as("the killed instance held at most its consumers' briefs").isLessThanOrEqualTo(CONSUMERS);

        double rate = imagesPerMinute(provider.requests().subList(0, Math.min(250, provider.requests().size())));
        double spent = spentUsd(fleet, provider);
        System.out.printf(Locale.ROOT, "FleetIT: %d briefs, %d provider calls (%d in flight on the killed instance), ingested per instance %s,"
                + " rendered per instance %s, %.1f images/min over the first 250 (fleet setting %d), paused at $%.4f of $%.4f, spent $%.4f after the raise to $%.4f%n",
                TOTAL, calls, inFlightAtKill, perInstance, renderedPerInstance, rate, IMAGES_PER_MINUTE, spentAtPause, budgetUsd, spent, budgetUsd * 10);
        assertThat(spent).as("the fleet's spend against its raised daily budget").isLessThanOrEqualTo(budgetUsd * 10);
        assertThat(rate).as("the fleet's images per minute").isBetween(IMAGES_PER_MINUTE * 0.95, IMAGES_PER_MINUTE * 1.05);
    }

    /** Images per minute from the provider's side: requests received over the time between the first and the last. */
    private static double imagesPerMinute(List<RecordedRequest> requests) {
        List<Long> times = requests.stream().filter(r -> r.prompt() != null).map(RecordedRequest::receivedAtMicros).sorted().toList();
        return times.size() < 2 ? 0 : (times.size() - 1) * 60e6 / (times.get(times.size() - 1) - times.get(0));
    }

    /** What the fleet paid: its sidecars, plus each repeated call at the price of its brief. */
    private static double spentUsd(Fleet fleet, OfflineImageServer provider) {
        List<JsonNode> sidecars = FleetRecords.sidecars(fleet);
        double paid = sidecars.stream().mapToDouble(s -> s.path("cost_usd").asDouble()).sum();
        return sidecars.isEmpty() ? 0 : paid + repeats(provider) * paid / sidecars.size();
    }

    /** Image requests only: the provider also answers the instances' model-list checks. */
    private static long imageCalls(OfflineImageServer provider) {
        return provider.requests().stream().filter(r -> r.prompt() != null).count();
    }

    private static long repeats(OfflineImageServer provider) {
        List<String> briefs = provider.requests().stream().filter(r -> r.prompt() != null).map(FleetRecords::briefOf).toList();
        return briefs.size() - briefs.stream().distinct().count();
    }
}
