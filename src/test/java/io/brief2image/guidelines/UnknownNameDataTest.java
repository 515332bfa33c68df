package io.brief2image.guidelines;

import io.brief2image.guidelines.policy.UnknownNameData;
import io.brief2image.guidelines.policy.UnknownNameData.LanguageNames;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists behind the unknown-name rules (world/given-names.yaml, name-cues.yaml, not-people.yaml) load,
 * are big enough to know the world, and are written as the files' headers say.
 */
class UnknownNameDataTest {
    static final Set<String> LANGUAGES = Set.of("en", "es", "fr", "de", "it", "ko", "ja", "zh", "hi", "ar");

    final UnknownNameData data = UnknownNameData.bundled();

    @Test
    void givenNamesCoverTheLanguagesBriefsArriveIn() {
        assertThat(data.givenNames().keySet()).containsAll(LANGUAGES);
        int total = data.givenNames().values().stream().mapToInt(LanguageNames::size).sum();
        assertThat(total).as("given and family names").isGreaterThanOrEqualTo(2500);
        data.givenNames().forEach((language, names) ->
                assertThat(names.female().size() + names.male().size()).as(language).isGreaterThanOrEqualTo(40));
        assertThat(Stream.of("ko", "ja", "zh").map(l -> data.givenNames().get(l).surnamesFirst().size()))
                .allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(50));
    }

    @Test
    void everyGivenNameIsOneName() {
        data.givenNames().forEach((language, names) -> Stream.of(names.female(), names.male(), names.any(), names.surnamesFirst())
                .flatMap(List::stream)
                .forEach(name -> assertThat(name).as(language).doesNotContain(" ").isNotBlank()));
    }

    @Test
    void theExclusionsAreThere() {
        assertThat(data.notPeople().phrases()).hasSizeGreaterThanOrEqualTo(250)
                .contains("Golden Gate", "Madonna and Child", "Jack Russell", "Victoria Station");
        assertThat(data.notPeople().words()).hasSizeGreaterThanOrEqualTo(500).contains("January", "Montag", "Domingo", "Paris");
        assertThat(data.notPeople().placeNouns()).contains("river", "station", "hotel", "church");
        assertThat(data.notPeople().unspacedWords()).contains("조선", "和風", "宋代");
    }

    @Test
    void everyLanguageWithNamesHasADescription() {
        assertThat(data.cues().descriptions().keySet()).containsAll(LANGUAGES);
        data.cues().descriptions().forEach((language, words) ->
                assertThat(words.keySet()).as(language).containsExactlyInAnyOrder("woman", "man", "person"));
    }
}
