package io.brief2image.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.brief2image.base.MessageHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two file consumers with the inbox route's own consumer options (read from routes/inbox.yaml), as
 * two instances watching one shared inbox, each with its own {@link InboxClaims} on the shared claims
 * folder: every file is taken by exactly one, and a file whose reader died mid-file is taken by the
 * other once the dead one's claim has expired.
 */
class SharedInboxClaimsTest {

    @TempDir
    Path root;
    final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
    final Map<String, String> takenBy = new ConcurrentHashMap<>();
    DefaultCamelContext first;
    DefaultCamelContext second;

    @AfterEach
    void stop() {
        for (DefaultCamelContext context : new DefaultCamelContext[] {first, second}) {
            if (context != null) {
                context.stop();
            }
        }
    }

    @Test
    void twoInstancesOnOneInboxTakeEveryFileExactlyOnce() throws Exception {
        int files = 200;
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        for (int i = 0; i < files; i++) {
            Files.writeString(inbox.resolve("brief-" + i + ".json"), "{\"prompt\": \"a lamp " + i + "\"}");
        }
        first = consumer("a", claims("a", "host-a", Duration.ofSeconds(30)), null);
        second = consumer("b", claims("b", "host-b", Duration.ofSeconds(30)), null);
        first.start();
        second.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> done() == files);
        assertThat(taken).hasSize(files);
        assertThat(taken.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        // no claim outlives its file
        await().atMost(Duration.ofSeconds(5)).until(() -> claimFiles() == 0);
        assertThat(inbox).isEmptyDirectory();
    }

    @Test
    void aFileWhoseReaderDiedMidFileIsTakenByTheOtherOnceTheLeaseHasRunOut() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Files.writeString(inbox.resolve("stuck.json"), "{\"prompt\": \"a clock\"}");
        CountDownLatch never = new CountDownLatch(1);
        InboxClaims dying = claims("a", "host-a", Duration.ofSeconds(2));
        first = consumer("a", dying, never);
        first.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> dying.held().contains("stuck.json"));
        // the instance dies holding the claim: nothing refreshes or removes it any more
        dying.stop();
        long died = System.nanoTime();

        second = consumer("b", claims("b", "host-b", Duration.ofSeconds(2)), null);
        second.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "b".equals(takenBy.get("stuck.json")));
        assertThat(Duration.ofNanos(System.nanoTime() - died)).as("not before the lease has run out").isGreaterThan(Duration.ofMillis(1500));
        await().atMost(Duration.ofSeconds(10)).until(() -> done() == 1);
        never.countDown();
    }

    @Test
    void aClaimOfAProcessOfThisHostThatHasEndedIsFreeAtOnceALiveOnesIsNot() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        Path dir = root.resolve("claims");
        InboxClaims crashed = new InboxClaims(dir, new ClaimOwner("old", ClaimOwner.hostName(), ended.pid()), Duration.ofHours(1));
        InboxClaims alive = new InboxClaims(dir, new ClaimOwner("alive", "elsewhere", 1), Duration.ofHours(1));
        InboxClaims restarted = new InboxClaims(dir, ClaimOwner.thisProcess("new"), Duration.ofHours(1));

        assertThat(crashed.add("left-behind.json")).isTrue();
        assertThat(alive.add("busy.json")).isTrue();
        assertThat(restarted.add("left-behind.json")).as("its owner has ended").isTrue();
        assertThat(restarted.add("busy.json")).as("its owner still refreshes it").isFalse();
        assertThat(restarted.remove("busy.json")).as("not its claim to remove").isFalse();
        assertThat(alive.contains("busy.json")).isTrue();
        Stream.of(crashed, alive, restarted).forEach(InboxClaims::stop);
    }

    private InboxClaims claims(String id, String host, Duration lease) {
        return new InboxClaims(root.resolve("inbox"), new ClaimOwner(id, host, 1), lease);
    }

    /** A consumer with the options of the inbox route; it records what it took and moves it to done/. */
    private DefaultCamelContext consumer(String name, InboxClaims claims, CountDownLatch holdUntil) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("inboxClaims", claims);
        Properties properties = new Properties();
        properties.setProperty("brief2image.inbox", root.resolve("inbox").toString());
        properties.setProperty("brief2image.inbox-quiet-ms", "50");
        context.getPropertiesComponent().setInitialProperties(properties);
        Path done = Files.createDirectories(root.resolve("done"));
        String uri = "file:{{brief2image.inbox}}?" + URISupport.createQueryString(inboxRouteOptions());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).threads(4).process(exchange -> {
                    String file = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    taken.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
                    takenBy.put(file, name);
                    if (holdUntil != null) {
                        holdUntil.await();
                    }
                    exchange.getMessage().setHeader(MessageHeaders.MOVE_TO, done.resolve(file).toString());
                });
            }
        });
        return context;
    }

    /** The from: parameters of routes/inbox.yaml, so this test follows the route's configuration. */
    private static Map<String, Object> inboxRouteOptions() throws Exception {
        JsonNode routes = new ObjectMapper(new YAMLFactory()).readTree(Path.of("routes/inbox.yaml").toFile());
        for (JsonNode entry : routes) {
            if ("inbox".equals(entry.path("route").path("id").asText())) {
                Map<String, Object> options = new LinkedHashMap<>();
                entry.path("route").path("from").path("parameters").fields()
                        .forEachRemaining(option -> options.put(option.getKey(), option.getValue().asText()));
                return options;
            }
        }
        throw new IllegalStateException("routes/inbox.yaml has no route inbox");
    }

    private long done() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("done"))) {
            return files.count();
        }
    }

    private long claimFiles() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("inbox"))) {
            return files.count();
        }
    }
}
