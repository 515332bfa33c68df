package io.brief2image.guidelines.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The content guidelines as data, loaded from YAML so policy changes need no code change. */
public final class GuidelinePolicy {
    private static final String DEFAULT_RESOURCE = "guidelines.yaml";
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // a misspelt key would otherwise silently switch a rule off
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final PolicyDocument doc;

    private GuidelinePolicy(PolicyDocument doc) {
        this.doc = validate(doc);
    }

    public static GuidelinePolicy loadDefault() {
        try (InputStream in = GuidelinePolicy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return new GuidelinePolicy(MAPPER.readValue(in, PolicyDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** A configured location: {@code classpath:name} from the jar, anything else a file path. */
    public static GuidelinePolicy loadFrom(String location) {
        try (InputStream in = io.brief2image.base.ResourceLocation.open(location)) {
            return new GuidelinePolicy(MAPPER.readValue(in, PolicyDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guidelines " + location, e);
        }
    }

    public static GuidelinePolicy load(Path yaml) {
        try (InputStream in = Files.newInputStream(yaml)) {
            return new GuidelinePolicy(MAPPER.readValue(in, PolicyDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guidelines " + yaml, e);
        }
    }

    private static PolicyDocument validate(PolicyDocument d) {
        Objects.requireNonNull(d, "empty guidelines document");
        require(d.fuzzyMatching(), "fuzzy_matching");
        require(d.grammar(), "grammar");
        require(d.imageCountPhrases(), "image_count_phrases");
        require(d.publicFigureDescription(), "public_figure_description");
        require(d.artistPhrasing(), "artist_phrasing");
        require(d.blockedReason(), "blocked_reason");
        require(d.negations(), "negations");
        require(d.imageTypes(), "image_types");
        require(d.sizes(), "sizes");
        if (d.maxImages() != null && d.maxImages() < 1) {
            throw new IllegalArgumentException("max_images must be at least 1");
        }
        return d;
    }

    private static void require(Object section, String key) {
        if (section == null) {
            throw new IllegalArgumentException("guidelines YAML lacks '" + key + "'");
        }
    }

    public int maxImages() {
        return doc.maxImages() == null ? 2 : doc.maxImages();
    }

    public int artistCutoffYears() {
        return doc.artistCutoffYears() == null ? 100 : doc.artistCutoffYears();
    }

    public FuzzyMatching fuzzyMatching() {
        return doc.fuzzyMatching();
    }

    public Grammar grammar() {
        return doc.grammar();
    }

    public List<String> textInImageCues() {
        return listOrEmpty(doc.textInImageCues());
    }

    public ImageCountPhrases imageCountPhrases() {
        return doc.imageCountPhrases();
    }

    public String publicFigureDescription() {
        return doc.publicFigureDescription();
    }

    /** Null when the policy has no special phrasing for a name that modifies a noun. */
    public FigureAsModifier publicFigureAsModifier() {
        return doc.publicFigureAsModifier();
    }

    public List<PublicFigure> publicFigures() {
        return listOrEmpty(doc.publicFigures());
    }

    /** Title to generic word, in YAML order. */
    public Map<String, String> titles() {
        return doc.titles() == null ? Map.of() : new LinkedHashMap<>(doc.titles());
    }

    public List<String> titleExceptions() {
        return listOrEmpty(doc.titleExceptions());
    }

    public ArtistPhrasing artistPhrasing() {
        return doc.artistPhrasing();
    }

    public List<Artist> artists() {
        return listOrEmpty(doc.artists());
    }

    public List<ProtectedWork> studiosAndCharacters() {
        return listOrEmpty(doc.studiosAndCharacters());
    }

    public String blockedReason() {
        return doc.blockedReason();
    }

    public List<BlockedTerm> blockedTerms() {
        return listOrEmpty(doc.blockedTerms());
    }

    /** Phrases that contain a blocked term but mean something harmless ("Al Gore"). */
    public List<String> blockedTermExceptions() {
        return listOrEmpty(doc.blockedTermExceptions());
    }

    public NegationRules negations() {
        return doc.negations();
    }

    public ImageTypeRules imageTypes() {
        return doc.imageTypes();
    }

    public SizeRules sizes() {
        return doc.sizes();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
