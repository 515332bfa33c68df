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
import java.util.Objects;

/**
 * The content guidelines as data: guidelines.yaml as one record (the names the rules know are in
 * {@link WorldData}), loaded by {@link #loadFrom}, so policy
 * changes need no code change. Components follow the YAML keys (snake_case there); the small sections
 * are the records nested below, the larger ones have files of their own: {@link Grammar},
 * {@link NegationPolicy}, {@link ImageTypePolicy} and {@link SizeHints}. A list or map the YAML leaves
 * out is empty; {@code max_images} defaults to 2 and {@code artist_cutoff_years} to 100.
 *
 * @param titles               title of office to generic word, in YAML order
 * @param blockedTermExceptions phrases that contain a blocked term but mean something harmless ("Al Gore")
 * @param publicFigureAsModifier null when the policy has no special phrasing for a name that modifies a noun
 */
public record GuidelinePolicy(Integer maxImages, Integer artistCutoffYears, FuzzyMatching fuzzyMatching, Grammar grammar,
                              List<String> textInImageCues, ImageCountPhrases imageCountPhrases,
                              String publicFigureDescription, String publicFigureGroupDescription,
                              FigureAsModifier publicFigureAsModifier,
                              AmbiguousNames ambiguousNames,
                              Map<String, String> titles, List<String> titleExceptions,
                              ArtistPhrasing artistPhrasing, List<String> franchiseLinks,
                              String blockedReason, List<BlockedTerm> blockedTerms, List<String> blockedTermExceptions,
                              NegationPolicy negations, ImageTypePolicy imageTypes, SizeHints sizes) {

    /** The guidelines bundled in the jar, the default of the {@code brief2image.guidelines} setting. */
    public static final String BUNDLED = "classpath:guidelines.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // a misspelt key would otherwise silently switch a rule off
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public GuidelinePolicy {
        maxImages = maxImages == null ? 2 : maxImages;
        artistCutoffYears = artistCutoffYears == null ? 100 : artistCutoffYears;
        textInImageCues = listOrEmpty(textInImageCues);
        publicFigureGroupDescription = publicFigureGroupDescription == null ? "{physique}" : publicFigureGroupDescription;
        ambiguousNames = ambiguousNames == null ? new AmbiguousNames(null, null, null, null) : ambiguousNames;
        titles = titles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(titles));
        titleExceptions = listOrEmpty(titleExceptions);
        franchiseLinks = listOrEmpty(franchiseLinks);
        blockedTerms = listOrEmpty(blockedTerms);
        blockedTermExceptions = listOrEmpty(blockedTermExceptions);
    }

    /** Reads and checks a guidelines document: {@code classpath:name} from the jar, anything else a file path. */
    public static GuidelinePolicy loadFrom(String location) {
        GuidelinePolicy policy;
        try (InputStream in = ResourceLocation.open(location)) {
            policy = MAPPER.readValue(in, GuidelinePolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guidelines " + location, e);
        }
        return checked(policy);
    }

    private static GuidelinePolicy checked(GuidelinePolicy p) {
        Objects.requireNonNull(p, "empty guidelines document");
        require(p.fuzzyMatching(), "fuzzy_matching");
        require(p.grammar(), "grammar");
        require(p.imageCountPhrases(), "image_count_phrases");
        require(p.publicFigureDescription(), "public_figure_description");
        require(p.artistPhrasing(), "artist_phrasing");
        require(p.blockedReason(), "blocked_reason");
        require(p.negations(), "negations");
        require(p.imageTypes(), "image_types");
        require(p.sizes(), "sizes");
        if (p.maxImages() < 1) {
            throw new IllegalArgumentException("max_images must be at least 1");
        }
        return p;
    }

    private static void require(Object section, String key) {
        if (section == null) {
            throw new IllegalArgumentException("guidelines YAML lacks '" + key + "'");
        }
    }

    /** A list the YAML leaves out reads as empty; every list of the policy is read-only. */
    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * How many typos a name may carry and still be recognised, scaled by word length.
     *
     * @param fuzzyFromNameLength typos are forgiven only in names of several words with at least this many letters
     * @param shortHanziAliases   where a two-character Hanzi/Kanji alias may start and end (see guidelines.yaml)
     */
    public record FuzzyMatching(int oneEditFromLength, int twoEditsFromLength, int fuzzyFromNameLength,
                                WordEdges shortHanziAliases) {

        public FuzzyMatching {
            shortHanziAliases = shortHanziAliases == null ? new WordEdges(List.of(), List.of()) : shortHanziAliases;
        }

        public int allowedEdits(int wordLength) {
            if (wordLength >= twoEditsFromLength) {
                return 2;
            }
            return wordLength >= oneEditFromLength ? 1 : 0;
        }

    }

    /**
     * What may stand next to a short name in a script without spaces: {@code before} ends the text right
     * before it, {@code after} starts the text right after it.
     */
    public record WordEdges(List<String> before, List<String> after) {
        public WordEdges {
            before = listOrEmpty(before);
            after = listOrEmpty(after);
        }
    }

    /** Vocabulary of "draw 6 images of" style phrases. */
    public record ImageCountPhrases(List<String> verbs, List<String> fillers, List<String> nouns,
                                    List<String> trailingWords, Map<String, Integer> numberWords) {
        public ImageCountPhrases {
            verbs = listOrEmpty(verbs);
            fillers = listOrEmpty(fillers);
            nouns = listOrEmpty(nouns);
            trailingWords = listOrEmpty(trailingWords);
            numberWords = numberWords == null ? Map.of() : Map.copyOf(numberWords);
        }
    }

    /** A phrase that stops a prompt outright; category is for reporting only. */
    public record BlockedTerm(String term, String category) {
    }

    /**
     * How a name that modifies the next noun is rewritten ("the Trump Tower", "a Taylor Swift concert"):
     * a plain description there reads badly ("the tall man Tower"). Applies to the default language only,
     * because the templates are written in it.
     *
     * @param ownedNouns      things a person has or does: "{role}'s {noun}" ("a pop star's concert")
     * @param depictedNouns   things that show a person: "{noun} of {description}" ("a statue of a tall man")
     */
    public record FigureAsModifier(String ownedTemplate, String depictedTemplate,
                                   List<String> ownedNouns, List<String> depictedNouns) {
        public FigureAsModifier {
            ownedNouns = listOrEmpty(ownedNouns);
            depictedNouns = listOrEmpty(depictedNouns);
        }
    }

    /**
     * Templates that keep "in the style of X" readable once X becomes a description.
     *
     * @param styleSuffixes words after a name that make it a style reference ("Warhol-style", "Ghibli style")
     */
    public record ArtistPhrasing(List<String> leadPhrases, List<String> styleSuffixes, String styledTemplate,
                                 String bareTemplate) {
        public ArtistPhrasing {
            leadPhrases = listOrEmpty(leadPhrases);
            styleSuffixes = listOrEmpty(styleSuffixes);
        }
    }

    /**
     * When an alias the world data marks as ambiguous ("Swift", "Trump", "Madonna") is a person: written
     * as a name, not after a determiner ("a swift bird", "the Madonna and Child"), not inside one of the
     * phrases, not before one of notBefore ("Kobe beef"), and at a sentence start (where a capital says
     * nothing) followed by one of nextAtSentenceStart ("Trump at a rally", "Drake singing").
     */
    public record AmbiguousNames(List<String> notAfter, List<String> notBefore, List<String> nextAtSentenceStart,
                                 List<String> notInPhrases) {
        public AmbiguousNames {
            notAfter = listOrEmpty(notAfter);
            notBefore = listOrEmpty(notBefore);
            nextAtSentenceStart = listOrEmpty(nextAtSentenceStart);
            notInPhrases = listOrEmpty(notInPhrases);
        }
    }
}
