package io.brief2image.guidelines;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.guidelines.rules.Screened;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 point 2 as a table (src/test/resources/guidelines/unknown-names.tsv): people and artists on no
 * list are replaced or removed, text lettered into the image stays, and the traps (places, brands,
 * things, common words, allowed styles) pass untouched, in English and other languages.
 */
class UnknownNamesTableTest {
    static final Set<String> UNKNOWN_NAME_RULES = Set.of("unknown-artist", "named-person");

    static Guidelines guidelines;

    record Row(String kind, String language, Set<String> rules, String prompt, String expected) {
        @Override
        public String toString() {
            return kind + "/" + language + ": " + prompt;
        }
    }

    @BeforeAll
    static void load() {
        guidelines = new Guidelines(GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED), GuidelinesTableTest.YEAR_2026);
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = UnknownNamesTableTest.class.getResourceAsStream("/guidelines/unknown-names.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(c -> new Row(c[0], c[1], c[2].equals("-") ? Set.of() : Set.of(c[2].split(",")), c[3],
                            c[4].equals("=") ? c[3] : c[4]))
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowComesOutAsWritten(Row row) {
        Screened screened = guidelines.enforce(row.prompt());

        assertThat(screened.text()).isEqualTo(row.expected());
        assertThat(firedRules(screened)).isEqualTo(row.rules());
        if (row.rules().isEmpty()) {
            assertThat(screened.actions()).as("a trap fires no rule at all").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aRewriteIsStable(Row row) {
        String once = guidelines.enforce(row.prompt()).text();

        assertThat(guidelines.enforce(once).text()).isEqualTo(once);
        assertThat(firedRules(guidelines.enforce(once))).isEmpty();
    }

    @Test
    void theTableCoversEveryKindInFourLanguagesOrMore() throws IOException {
        List<Row> rows = rows();
        for (String kind : List.of("person", "artist", "trap", "text")) {
            Set<String> languages = rows.stream().filter(r -> r.kind().equals(kind)).map(Row::language).collect(Collectors.toSet());
            assertThat(languages).as(kind).hasSizeGreaterThanOrEqualTo(4);
        }
        long traps = rows.stream().filter(r -> r.kind().equals("trap")).count();
        long trueCases = rows.stream().filter(r -> r.kind().equals("person") || r.kind().equals("artist")).count();
        assertThat(traps).as("false positives are tested as thoroughly as true ones").isGreaterThanOrEqualTo(trueCases);
    }

    static Set<String> firedRules(Screened screened) {
        return screened.actions().stream().map(PolicyAction::rule).filter(UNKNOWN_NAME_RULES::contains).collect(Collectors.toSet());
    }

}
