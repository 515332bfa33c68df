package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.app.SettingValues;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A service start read without picocli sees exactly the settings picocli would give it; anything else goes to picocli. */
class ServiceArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "--once",
        "--set concurrency=4",
        "--set=concurrency=4",
        "--set concurrency=4 --set brief2image.model=gpt-image-2 --set camel.main.name=x",
        "--set concurrency=4 --set concurrency=6",
        "--set prompt-suffix=a=b",
        "--inbox in --outbox out",
        "--inbox=in --outbox=out --once --set daily-budget-usd=2",
        "--set http-port=0 --once --inbox /tmp/briefs",
    })
    void aServiceStartIsReadAsPicocliReadsIt(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Optional<ServiceArgs> fast = ServiceArgs.read(args);
        assertThat(fast).as(line).isPresent();

        Brief2Image picocli = new Brief2Image();
        new CommandLine(picocli).parseArgs(args);
        SettingValues expected = picocli.values(List.of());
        SettingValues actual = Brief2Image.values(fast.get().pairs(), List.of(), fast.get().inbox(), fast.get().outbox());
        assertThat(actual.asProperties()).as(line).isEqualTo(expected.asProperties());
        assertThat(actual.extra()).as(line).isEqualTo(expected.extra());
        assertThat(fast.get().once()).as(line).isEqualTo(picocli.once);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--help", "-h", "--version", "-V",
        "lint poster.json", "submit --count 2", "replay all", "batch status", "--set concurrency=4 lint poster.json",
        "--set", "--set concurrency", "--set =4", "--inbox", "--inbox --once", "--inbox a --inbox b", "--once --once",
        "--onse", "--concurrency 4", "poster.json",
    })
    void anythingElseGoesToPicocli(String line) {
        assertThat(ServiceArgs.read(line.split(" "))).as(line).isEmpty();
    }
}
