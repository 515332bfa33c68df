package io.brief2image.guidelines.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brief2image.base.ResourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world knowledge the unknown-name rules need, as three YAML files under world/: which words are
 * given names (given-names.yaml), which phrases mark a style reference or a person (name-cues.yaml), and
 * which capitalised words are places, brands and common words rather than people (not-people.yaml).
 */
public record UnknownNameData(Map<String, LanguageNames> givenNames, NameCues cues, NotPeople notPeople) {

    public static final String GIVEN_NAMES = "classpath:world/given-names.yaml";
    public static final String CUES = "classpath:world/name-cues.yaml";
    public static final String NOT_PEOPLE = "classpath:world/not-people.yaml";

    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // a misspelt key would otherwise silently switch a list off
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static UnknownNameData bundled() {
        Map<String, LanguageNames> names = read(GIVEN_NAMES,
                MAPPER.getTypeFactory().constructMapType(Map.class, String.class, LanguageNames.class));
        return new UnknownNameData(names, read(CUES, MAPPER.constructType(NameCues.class)),
                read(NOT_PEOPLE, MAPPER.constructType(NotPeople.class)));
    }

    private static <T> T read(String location, com.fasterxml.jackson.databind.JavaType type) {
        try (InputStream in = ResourceLocation.open(location)) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** One language's given names by gender, and (East Asian languages) family names written first. */
    public record LanguageNames(List<String> female, List<String> male, List<String> any, List<String> surnamesFirst) {
        public LanguageNames {
            female = GuidelinePolicy.listOrEmpty(female);
            male = GuidelinePolicy.listOrEmpty(male);
            any = GuidelinePolicy.listOrEmpty(any);
            surnamesFirst = GuidelinePolicy.listOrEmpty(surnamesFirst);
        }

        public int size() {
            return female.size() + male.size() + any.size() + surnamesFirst.size();
        }
    }

    /** Style cues before and after a name; strong ones need no person-shaped name. */
    public record Cues(List<String> strong, List<String> weak) {
        public Cues {
            strong = GuidelinePolicy.listOrEmpty(strong);
            weak = GuidelinePolicy.listOrEmpty(weak);
        }
    }

    /** Words that mark a person, and the gender they tell. */
    public record Honorifics(List<String> words, String gender) {
        public Honorifics {
            words = GuidelinePolicy.listOrEmpty(words);
        }
    }

    /** name-cues.yaml, key for key. */
    public record NameCues(Cues styleLead, Cues styleTail, List<Honorifics> honorificsBefore, List<Honorifics> honorificsAfter,
                           List<String> personLeads, List<String> personTailsUnspaced, List<String> hangulParticles,
                           List<String> nameParticles, List<String> textLeads, Map<String, Map<String, String>> descriptions,
                           List<String> dativeAfter, Map<String, String> elisions, Map<String, List<String>> stopWords,
                           List<String> uncasedFunctionWords) {
        public NameCues {
            honorificsBefore = GuidelinePolicy.listOrEmpty(honorificsBefore);
            honorificsAfter = GuidelinePolicy.listOrEmpty(honorificsAfter);
            personLeads = GuidelinePolicy.listOrEmpty(personLeads);
            personTailsUnspaced = GuidelinePolicy.listOrEmpty(personTailsUnspaced);
            hangulParticles = GuidelinePolicy.listOrEmpty(hangulParticles);
            nameParticles = GuidelinePolicy.listOrEmpty(nameParticles);
            textLeads = GuidelinePolicy.listOrEmpty(textLeads);
            descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
            dativeAfter = GuidelinePolicy.listOrEmpty(dativeAfter);
            elisions = elisions == null ? Map.of() : Map.copyOf(elisions);
            // YAML order breaks ties between languages
            stopWords = stopWords == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stopWords));
            uncasedFunctionWords = GuidelinePolicy.listOrEmpty(uncasedFunctionWords);
            if (!descriptions.containsKey("en")) {
                throw new IllegalArgumentException("name-cues.yaml needs English descriptions (descriptions.en)");
            }
        }
    }

    /** not-people.yaml, key for key. */
    public record NotPeople(List<String> phrases, List<String> words, List<String> prefixes, List<String> placeNouns,
                            List<String> familyNames, List<String> unspacedWords) {
        public NotPeople {
            phrases = GuidelinePolicy.listOrEmpty(phrases);
            words = GuidelinePolicy.listOrEmpty(words);
            prefixes = GuidelinePolicy.listOrEmpty(prefixes);
            placeNouns = GuidelinePolicy.listOrEmpty(placeNouns);
            familyNames = GuidelinePolicy.listOrEmpty(familyNames);
            unspacedWords = GuidelinePolicy.listOrEmpty(unspacedWords);
        }
    }
}
