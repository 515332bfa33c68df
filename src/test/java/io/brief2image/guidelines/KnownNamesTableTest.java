package io.brief2image.guidelines;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.guidelines.rules.Screened;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of known names (test resource guidelines/known-names.csv): for every kind of entry in
 * world/*.yaml, prompts in English and other languages that must be rewritten, and as many that must
 * pass untouched (allowed names, everyday words that look like names). A clock fixed in 2026.
 */
class KnownNamesTableTest {
    static final String TABLE = "/guidelines/known-names.csv";
    static final Set<String> NAME_RULES = Set.of("artists", "public-figures", "studios-and-characters", "titles");
    static final Set<String> KINDS = Set.of("artist-recent", "artist-historic", "movement", "public-figure", "character", "studio");
    static Guidelines guidelines;

    @BeforeAll
    static void load() {
        guidelines = new Guidelines(GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED), GuidelinesTableTest.YEAR_2026);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(resources = TABLE, delimiter = '|', numLinesToSkip = 1, nullValues = "")
    void knownNames(String kind, String language, String prompt, String rule, String contains, String absent) {
        Screened screened = guidelines.enforce(prompt);
        List<String> rules = screened.actions().stream().map(PolicyAction::rule).toList();

        if (rule.equals("-")) {
            assertThat(screened.text()).as("%s must pass untouched", prompt).isEqualTo(prompt);
            assertThat(rules).as("actions on %s", prompt).isEmpty();
            return;
        }
        assertThat(rules).as("rules on %s → %s", prompt, screened.text()).contains(rule);
        assertThat(rules).as("only name rules fire on %s", prompt).allMatch(NAME_RULES::contains);
        assertThat(screened.text()).as("output of %s", prompt).contains(contains).doesNotContain(absent);
        Screened again = guidelines.enforce(screened.text());
        assertThat(again.text()).as("second pass over %s", screened.text()).isEqualTo(screened.text());
        assertThat(again.actions()).as("second pass over %s", screened.text()).isEmpty();
    }

    /** Rows grow with the data: every kind has rows in English and three more languages, both ways where a name can be rewritten. */
    @Test
    void everyKindHasRowsInFourLanguagesBothWays() throws IOException {
        Map<String, Set<String>> rewritten = new HashMap<>();
        Map<String, Set<String>> untouched = new HashMap<>();
        for (String[] row : rows()) {
            assertThat(KINDS).as("kind of row %s", Arrays.toString(row)).contains(row[0]);
            (row[3].equals("-") ? untouched : rewritten).computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]);
        }
        for (String kind : KINDS) {
            boolean allowedKind = kind.equals("artist-historic") || kind.equals("movement");
            assertThat(untouched.getOrDefault(kind, Set.of())).as("languages of untouched %s rows", kind)
                    .contains("en").hasSizeGreaterThanOrEqualTo(4);
            if (!allowedKind) {
                assertThat(rewritten.getOrDefault(kind, Set.of())).as("languages of rewritten %s rows", kind)
                        .contains("en").hasSizeGreaterThanOrEqualTo(4);
            }
        }
    }

    /** A replacement never names anyone itself: every description in the data passes screening unchanged. */
    @Test
    void everyDescriptionInTheDataPassesUntouched() {
        WorldData world = WorldData.bundled().join();
        List<String> descriptions = new ArrayList<>();
        world.artists().forEach(a -> descriptions.add("a landscape, " + a.style()));
        world.characters().forEach(c -> descriptions.add(c.description()));
        world.studios().forEach(st -> descriptions.add(st.style()));
        world.publicFigures().forEach(f -> descriptions.add("a photo of " + f.physique() + " " + f.gender()));
        List<String> changed = new ArrayList<>();
        for (String description : descriptions) {
            Screened screened = guidelines.enforce(description);
            if (!screened.actions().stream().filter(a -> NAME_RULES.contains(a.rule())).toList().isEmpty()) {
                changed.add(description + " → " + screened.text());
            }
        }
        assertThat(changed).as("descriptions that name something").isEmpty();
    }

    static List<String[]> rows() throws IOException {
        try (InputStream in = KnownNamesTableTest.class.getResourceAsStream(TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", -1)).toList();
        }
    }
}
