package io.brief2image.guidelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world knowledge under resources/world/ loads, is big enough, is complete, and never names the
 * same thing twice: a name or alias owned by two entries would make the screener guess who is meant.
 */
class WorldDataTest {

    /** A world file: resource name, top-level list key, minimum size, required and optional fields. */
    record Kind(String file, String key, int minimum, Set<String> required, Set<String> optional) {
        Set<String> allowed() {
            Set<String> all = new HashSet<>(required);
            all.addAll(optional);
            return all;
        }
    }

    static final Set<String> NAMING = Set.of("ambiguous_aliases", "verify");
    static final Kind RECENT = new Kind("artists-recent.yaml", "artists", 600,
            Set.of("name", "aliases", "last_work_year", "movement", "medium", "adjectives", "kind"), NAMING);
    static final Kind HISTORIC = new Kind("artists-historic.yaml", "artists", 200, RECENT.required(), NAMING);
    static final Kind FIGURES = new Kind("public-figures.yaml", "public_figures", 800,
            Set.of("name", "aliases", "gender", "physique", "role", "country"), Set.of("ambiguous_aliases", "verify", "descriptions"));
    static final Kind CHARACTERS = new Kind("characters.yaml", "characters", 300,
            Set.of("name", "aliases", "franchise", "owner", "description"), Set.of("ambiguous_aliases"));
    static final Kind STUDIOS = new Kind("studios.yaml", "studios", 40,
            Set.of("name", "aliases", "style"), Set.of("ambiguous_aliases"));
    static final Kind MOVEMENTS = new Kind("movements.yaml", "movements", 80,
            Set.of("name", "aliases", "period", "kind"), Set.of());
    static final List<Kind> ALL = List.of(RECENT, HISTORIC, FIGURES, CHARACTERS, STUDIOS, MOVEMENTS);

    /** The files were split with a 2026 clock; the screener recomputes the cut-off from today's date. */
    static final int SPLIT_YEAR = 1926;
    static final Set<String> ARTIST_KINDS = Set.of("painter", "illustrator", "comics", "manga", "photographer",
            "designer", "architect", "director", "animator", "sculptor");
    static final Set<String> GENDERS = Set.of("man", "woman", "group", "person");
    static final Set<String> MOVEMENT_KINDS = Set.of("movement", "era", "style", "school", "technique");
    /** The policy forbids titles that give away an identity; a role must be a plain word. */
    static final Set<String> TITLES = Set.of("president", "prime minister", "chancellor", "king", "queen",
            "emperor", "empress", "pope", "dalai lama", "prince", "princess", "sultan", "emir");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    static final Map<Kind, List<JsonNode>> ENTRIES = new LinkedHashMap<>();
    static final Map<Kind, String> TEXT = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        YAMLMapper mapper = new YAMLMapper();
        for (Kind kind : ALL) {
            String text = read(kind.file());
            TEXT.put(kind, text);
            JsonNode list = mapper.readTree(text).get(kind.key());
            assertThat(list).as("%s has a top-level list '%s'", kind.file(), kind.key()).isNotNull();
            List<JsonNode> entries = new ArrayList<>();
            list.forEach(entries::add);
            ENTRIES.put(kind, entries);
        }
    }

    static String read(String file) throws IOException {
        try (InputStream in = WorldDataTest.class.getResourceAsStream("/world/" + file)) {
            assertThat(in).as("resource world/%s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyFileMeetsItsMinimumSize() {
        for (Kind kind : ALL) {
            assertThat(ENTRIES.get(kind)).as(kind.file()).hasSizeGreaterThanOrEqualTo(kind.minimum());
        }
    }

    @Test
    void everyFileSaysWhereItsFactsComeFromAndHowToExtendIt() {
        for (Kind kind : ALL) {
            String text = TEXT.get(kind);
            assertThat(text).as(kind.file()).startsWith("#").contains("Where the facts come from")
                    .contains("How to extend").contains("Fields");
        }
    }

    @Test
    void everyEntryIsOneFlowMappingOnOneLine() {
        for (Kind kind : ALL) {
            int entries = 0;
            for (String line : TEXT.get(kind).split("\n")) {
                if (line.startsWith("  - ")) {
                    assertThat(line).as(kind.file()).startsWith("  - {").endsWith("}");
                    entries++;
                }
            }
            assertThat(entries).as("%s entries on their own lines", kind.file()).isEqualTo(ENTRIES.get(kind).size());
        }
    }

    @Test
    void everyEntryHasItsFieldsAndNoOthers() {
        for (Kind kind : ALL) {
            for (JsonNode entry : ENTRIES.get(kind)) {
                String where = kind.file() + ": " + entry.path("name").asText("?");
                Set<String> fields = new HashSet<>();
                entry.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).as(where).containsAll(kind.required());
                assertThat(kind.allowed()).as(where).containsAll(fields);
                for (String field : kind.required()) {
                    JsonNode value = entry.get(field);
                    if (field.equals("aliases")) {
                        assertThat(value.isArray()).as(where + " aliases is a list").isTrue();
                        value.forEach(alias -> assertThat(alias.isTextual() && !alias.asText().isBlank())
                                .as(where + " alias " + alias + " is text (quote YAML words such as NO, yes, 007)").isTrue());
                    } else if (!field.equals("adjectives") && !field.equals("last_work_year")) {
                        assertThat(value.isTextual() && !value.asText().isBlank()).as(where + " " + field).isTrue();
                    }
                }
                if (entry.has("verify")) {
                    assertThat(entry.get("verify").asBoolean(false)).as(where + " verify").isTrue();
                }
                if (entry.has("ambiguous_aliases")) {
                    Set<String> own = keys(entry);
                    entry.get("ambiguous_aliases").forEach(alias ->
                            assertThat(own).as(where + " ambiguous alias is one of its names").contains(lower(alias.asText())));
                }
            }
        }
    }

    @Test
    void artistsHaveThreeAdjectivesAKnownKindAndASaneYear() {
        int thisYear = Year.now().getValue();
        for (Kind kind : List.of(RECENT, HISTORIC)) {
            for (JsonNode artist : ENTRIES.get(kind)) {
                String where = kind.file() + ": " + artist.get("name").asText();
                JsonNode adjectives = artist.get("adjectives");
                assertThat(adjectives.isArray() && adjectives.size() == 3).as(where + " has three adjectives").isTrue();
                adjectives.forEach(a -> assertThat(a.asText()).as(where).isNotBlank());
                assertThat(ARTIST_KINDS).as(where).contains(artist.get("kind").asText());
                JsonNode year = artist.get("last_work_year");
                if (kind == RECENT && year.isTextual()) {
                    assertThat(year.asText()).as(where).isEqualTo("active");
                    continue;
                }
                assertThat(year.isInt()).as(where + " year is a number").isTrue();
                assertThat(year.asInt()).as(where).isBetween(300, thisYear);
                if (kind == RECENT) {
                    assertThat(year.asInt()).as(where + " is recent").isGreaterThanOrEqualTo(SPLIT_YEAR);
                } else {
                    assertThat(year.asInt()).as(where + " is over 100 years old").isLessThan(SPLIT_YEAR)
                            .isLessThan(thisYear - 100);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "Pablo Picasso, artists-recent.yaml, 1973", "Frida Kahlo, artists-recent.yaml, 1954",
            "Alphonse Mucha, artists-recent.yaml, 1939", "Claude Monet, artists-recent.yaml, 1926",
            "Mary Cassatt, artists-recent.yaml, 1926", "Antoni Gaudí, artists-recent.yaml, 1926",
            "Hayao Miyazaki, artists-recent.yaml, active", "Vincent van Gogh, artists-historic.yaml, 1890",
            "Gustav Klimt, artists-historic.yaml, 1918", "Edgar Degas, artists-historic.yaml, 1917",
            "Johannes Vermeer, artists-historic.yaml, 1675", "J. M. W. Turner, artists-historic.yaml, 1851",
            "Katsushika Hokusai, artists-historic.yaml, 1849", "John Singer Sargent, artists-historic.yaml, 1925"})
    void wellKnownDatesPutArtistsOnTheRightSideOfTheCutOff(String name, String file, String year) {
        Kind kind = file.equals(RECENT.file()) ? RECENT : HISTORIC;
        JsonNode artist = ENTRIES.get(kind).stream().filter(a -> a.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is missing from " + file));
        assertThat(artist.get("last_work_year").asText()).isEqualTo(year);
    }

    @Test
    void publicFiguresHaveAGenderACountryAndAPlainRole() {
        for (JsonNode figure : ENTRIES.get(FIGURES)) {
            String where = figure.get("name").asText();
            assertThat(GENDERS).as(where).contains(figure.get("gender").asText());
            assertThat(figure.get("country").asText()).as(where).matches(COUNTRY);
            assertThat(TITLES).as(where + " role is not a title").doesNotContain(lower(figure.get("role").asText()));
        }
    }

    @Test
    void wordsThatAreAlsoNamesAreFlaggedAsAmbiguous() {
        Map<String, String> expected = Map.of("Swift", "Taylor Swift", "Trump", "Donald Trump", "Madonna", "Madonna",
                "Prince", "Prince", "Pink", "Pink", "Rain", "Rain", "Bacon", "Francis Bacon", "Woody", "Woody");
        Map<String, Set<String>> flagged = new HashMap<>();
        for (Kind kind : List.of(RECENT, FIGURES, CHARACTERS)) {
            for (JsonNode entry : ENTRIES.get(kind)) {
                entry.path("ambiguous_aliases").forEach(a ->
                        flagged.computeIfAbsent(entry.get("name").asText(), n -> new HashSet<>()).add(a.asText()));
            }
        }
        expected.forEach((word, owner) -> assertThat(flagged.get(owner)).as(owner).contains(word));
    }

    @Test
    void movementsHaveAKnownKind() {
        for (JsonNode movement : ENTRIES.get(MOVEMENTS)) {
            assertThat(MOVEMENT_KINDS).as(movement.get("name").asText()).contains(movement.get("kind").asText());
        }
    }

    @Test
    void noNameOrAliasIsOwnedTwice() {
        Map<String, String> owners = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Kind kind : ALL) {
            for (JsonNode entry : ENTRIES.get(kind)) {
                String owner = kind.file() + ": " + entry.get("name").asText();
                List<String> names = new ArrayList<>();
                names.add(lower(entry.get("name").asText()));
                entry.get("aliases").forEach(a -> names.add(lower(a.asText())));
                if (names.size() != new HashSet<>(names).size()) {
                    clashes.add(owner + " repeats one of its own names");
                }
                for (String key : new HashSet<>(names)) {
                    String previous = owners.putIfAbsent(key, owner);
                    if (previous != null) {
                        clashes.add("'" + key + "': " + previous + " and " + owner);
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    static Set<String> keys(JsonNode entry) {
        Set<String> keys = new HashSet<>();
        keys.add(lower(entry.get("name").asText()));
        entry.get("aliases").forEach(a -> keys.add(lower(a.asText())));
        return keys;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
