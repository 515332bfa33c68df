package io.brief2image.guidelines.rules;

import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.policy.WorldData.Artist;
import io.brief2image.guidelines.policy.WorldData.Movement;
import io.brief2image.guidelines.policy.WorldData.PublicFigure;
import io.brief2image.guidelines.text.FuzzyNameMatcher;
import io.brief2image.guidelines.text.NameMatch;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.TextSpan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The world data indexed for screening, built once: one matcher per kind of name. Also the small API
 * other rules ask ("is this an allowed style name?", "is this someone the data knows?").
 */
public final class WorldIndex {
    private final FuzzyNameMatcher<PublicFigure> figures;
    private final FuzzyNameMatcher<Artist> artists;
    private final FuzzyNameMatcher<ProtectedWork> works;
    private final FuzzyNameMatcher<Movement> movements;
    private final Map<ProtectedWork, Pattern> franchises = new HashMap<>();
    /** world/not-people.yaml's phrases, shared with the unknown-name rules: "Nintendo Switch" is a product. */
    private final Pattern notPeoplePhrases;
    private final int entries;
    private final int cutoffYears;
    private final Clock clock;

    /**
     * {@code clock} says what day it is: the artists' cut-off is today's year minus artist_cutoff_years.
     * {@code notPeoplePhrases} are places, brands and products named after people (world/not-people.yaml).
     */
    public WorldIndex(WorldData world, GuidelinePolicy policy, Clock clock, Collection<String> notPeoplePhrases) {
        this.cutoffYears = policy.artistCutoffYears();
        this.notPeoplePhrases = PhrasePattern.anyOf(notPeoplePhrases);
        this.clock = clock;
        GuidelinePolicy.FuzzyMatching tolerance = policy.fuzzyMatching();
        this.figures = FuzzyNameMatcher.of(tolerance, world.publicFigures(), PublicFigure::name, PublicFigure::aliases,
                PublicFigure::ambiguousAliases);
        this.artists = FuzzyNameMatcher.of(tolerance, world.artists(), Artist::name, Artist::aliases, Artist::ambiguousAliases);
        List<ProtectedWork> protectedWorks = new ArrayList<>();
        world.characters().forEach(c -> protectedWorks.add(ProtectedWork.of(c)));
        world.studios().forEach(s -> protectedWorks.add(ProtectedWork.of(s)));
        for (ProtectedWork work : protectedWorks) {
            if (work.franchise() != null) {
                franchises.put(work, PhrasePattern.of(work.franchise()));
            }
        }
        this.works = FuzzyNameMatcher.of(tolerance, protectedWorks, ProtectedWork::name, ProtectedWork::aliases,
                ProtectedWork::ambiguousAliases);
        // movement names are never misspelt on purpose, and "Art Nouveau" must not be read as a fuzzy anything
        this.movements = FuzzyNameMatcher.of(tolerance, world.movements(), Movement::name, Movement::aliases);
        this.entries = world.publicFigures().size() + world.artists().size() + protectedWorks.size() + world.movements().size();
    }

    FuzzyNameMatcher<PublicFigure> figures() {
        return figures;
    }

    FuzzyNameMatcher<Artist> artists() {
        return artists;
    }

    FuzzyNameMatcher<ProtectedWork> works() {
        return works;
    }

    /** The pattern of a character's franchise ("Frozen"), or null for a studio. */
    Pattern franchiseOf(ProtectedWork work) {
        return franchises.get(work);
    }

    /** Spans naming an art movement or era ("Art Nouveau", "우키요에"): allowed, and never a person's name. */
    public List<TextSpan> movementSpans(String text) {
        return movements.findAll(text).stream().map(m -> new TextSpan(m.start(), m.end())).toList();
    }

    /** Where artists, studios and characters are named, without the everyday-word aliases. */
    List<TextSpan> worksAndArtists(String text) {
        return Stream.concat(artists.findAll(text).stream(), works.findAll(text).stream())
                .filter(m -> !m.ambiguous()).map(m -> new TextSpan(m.start(), m.end())).toList();
    }

    /**
     * Where the text names anyone or anything the world data knows, allowed or not, in any script
     * ("Pierre Puvis de Chavannes", "梵高", "राजा रवि वर्मा"), without the everyday-word aliases. The
     * unknown-name rules run after the known ones and leave these spans, and every part of them, alone.
     */
    public List<TextSpan> knownNameSpans(String text) {
        return Stream.of(figures, artists, works, movements)
                .flatMap(matcher -> matcher.findAll(text).stream())
                .filter(m -> !m.ambiguous())
                .map(m -> new TextSpan(m.start(), m.end()))
                .toList();
    }

    /** Rule-protected spans, movement names and places or products named after people: the name rules leave them alone. */
    List<TextSpan> untouchable(String text, List<TextSpan> quoted) {
        List<TextSpan> spans = new ArrayList<>(quoted);
        spans.addAll(movementSpans(text));
        spans.addAll(productsAndPlaces(text));
        return spans;
    }

    /**
     * Not-people phrases that say more than a name ("Nintendo Switch", "Coco Chanel perfume", "Paris Hilton
     * hotel"): the name in them is a product or a place. A phrase that is wholly a known name ("Calvin Klein"
     * were he listed) stays the known rules' to judge.
     */
    private List<TextSpan> productsAndPlaces(String text) {
        List<TextSpan> spans = new ArrayList<>();
        java.util.regex.Matcher phrase = notPeoplePhrases.matcher(text);
        while (phrase.find()) {
            String found = phrase.group();
            if (!isKnownPerson(found) && !isKnownWork(found)) {
                spans.add(new TextSpan(phrase.start(), phrase.end()));
            }
        }
        return spans;
    }

    /** The first year that counts as recent today; computed on every call, so entries cross it by themselves. */
    public int cutoffYear() {
        return LocalDate.now(clock).getYear() - cutoffYears;
    }

    /** The kinds of names that compete for the same words. */
    enum Kind { FIGURE, ARTIST, WORK }

    /**
     * Whether a match of one kind lies inside a longer name of another kind: "Mary Blair" is an artist,
     * so its "Blair" is not the politician; "Diana Prince" is a character, not the musician Prince.
     */
    boolean insideLongerName(String text, NameMatch<?> match, Kind own) {
        return (own != Kind.FIGURE && containsLonger(figures.findAll(text), match))
                || (own != Kind.ARTIST && containsLonger(artists.findAll(text), match))
                || (own != Kind.WORK && containsLonger(works.findAll(text), match));
    }

    private static boolean containsLonger(List<? extends NameMatch<?>> found, NameMatch<?> match) {
        for (NameMatch<?> other : found) {
            if (!other.ambiguous() && other.start() <= match.start() && other.end() >= match.end()
                    && other.end() - other.start() > match.end() - match.start()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an artist is described instead of named today. */
    boolean isRecent(Artist artist) {
        return artist.workedSince(cutoffYear());
    }

    /**
     * Whether a name may be used as a style reference as it stands: an art movement or era, or an
     * artist whose last work is older than the cut-off ("Vermeer", "Art Nouveau", "Ukiyo-e").
     */
    public boolean isAllowedStyleName(String name) {
        if (isWhole(movements.findAll(name), name)) {
            return true;
        }
        List<NameMatch<Artist>> found = artists.findAll(name);
        return isWhole(found, name) && !isRecent(found.get(0).owner());
    }

    /** Whether the name is a person (or band) the world data knows: a public figure or an artist of any age. */
    public boolean isKnownPerson(String name) {
        return isWhole(figures.findAll(name), name) || isWhole(artists.findAll(name), name);
    }

    /** Whether the name is a studio, franchise or character the world data knows. */
    public boolean isKnownWork(String name) {
        return isWhole(works.findAll(name), name);
    }

    /** How many entries are indexed, over all kinds. */
    public int size() {
        return entries;
    }

    private static boolean isWhole(List<? extends NameMatch<?>> found, String name) {
        String trimmed = name.strip();
        return found.size() == 1 && found.get(0).start() == name.indexOf(trimmed)
                && found.get(0).end() == name.indexOf(trimmed) + trimmed.length();
    }
}
