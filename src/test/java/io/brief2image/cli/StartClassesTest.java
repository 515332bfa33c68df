package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of start classes still fits this build: a stale list would silently stop speeding up the start. */
class StartClassesTest {

    @Test
    void theListStillNamesTheClassesOfThisBuild() throws IOException {
        List<String> names;
        try (InputStream in = StartClasses.class.getClassLoader().getResourceAsStream(StartClasses.LIST)) {
            assertThat(in).as(StartClasses.LIST).isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        assertThat(names).hasSizeGreaterThan(1000);
        int loaded = StartClasses.loadAll();
        assertThat(loaded).as("classes of %s still found; if far fewer, make the list again (BENCHMARKS.md, Start time)", StartClasses.LIST)
                .isGreaterThanOrEqualTo(names.size() * 95 / 100);
    }
}
