package io.brief2image.guidelines;

import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.guidelines.rules.WorldIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The small API other rules ask: allowed style names and known people, with the cut-off from the clock. */
class WorldIndexTest {
    static final WorldIndex WORLD_2026 = new Guidelines(GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED),
            GuidelinesTableTest.YEAR_2026).world();

    @ParameterizedTest(name = "{0}: allowed {1}, person {2}")
    @CsvSource(delimiter = '|', value = {
            "Vermeer | true | true", "Art Nouveau | true | false", "Bauhaus | true | false", "Ukiyo-e | true | false",
            "우키요에 | true | false", "Katsushika Hokusai | true | true", "Alphonse Mucha | false | true",
            "Hayao Miyazaki | false | true", "Barack Obama | false | true", "손흥민 | false | true",
            "Sarah Johnson | false | false", "Golden Gate | false | false", "Studio Ghibli | false | false"})
    void answersForNames(String name, boolean allowedStyle, boolean knownPerson) {
        assertThat(WORLD_2026.isAllowedStyleName(name)).as("allowed style name %s", name).isEqualTo(allowedStyle);
        assertThat(WORLD_2026.isKnownPerson(name)).as("known person %s", name).isEqualTo(knownPerson);
    }

    @Test
    void theCutOffMovesWithTheClock() {
        WorldIndex in2060 = new Guidelines(GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED),
                GuidelinesRulesTest.yearClock(2060)).world();
        assertThat(WORLD_2026.cutoffYear()).isEqualTo(1926);
        assertThat(WORLD_2026.isAllowedStyleName("Jackson Pollock")).isFalse();
        assertThat(in2060.isAllowedStyleName("Jackson Pollock")).isTrue();
        assertThat(WORLD_2026.isKnownWork("Studio Ghibli")).isTrue();
        assertThat(WORLD_2026.size()).isGreaterThan(2800);
    }
}
