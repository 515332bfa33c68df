package io.brief2image.guidelines.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brief2image.base.PolicyAction;
import io.brief2image.base.ResourceLocation;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.policy.WorldData.Artist;
import io.brief2image.guidelines.policy.WorldData.PublicFigure;
import io.brief2image.guidelines.text.Casing;
import io.brief2image.guidelines.text.PhrasePattern;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextSpan;
import io.brief2image.guidelines.text.TextTidy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enforces a name that someone else found in a final caption (the GPT guard): the data rules'
 * replacement when the guideline data knows the name, else the generic words of guard.yaml for its
 * kind. It only ever replaces spans of the caption that spell the name: a name that is not in the
 * caption changes nothing, and no text of the finder's reaches the caption, so a finder can remove
 * names but never add one. Text meant to be lettered into the image stays, as in the other rules.
 */
public final class FoundNameRule {

    /** The bundled table of generic words per kind. */
    public static final String BUNDLED = "classpath:guard.yaml";

    /** Generic words for a kind of name the data does not know; {@code styled} null: a lead phrase before the name stays. */
    record Kind(String rule, String styled, String bare) {
    }

    /** What the data says a known name becomes. */
    private record Known(String rule, String styled, String bare, boolean allowed) {
    }

    private final Map<String, Kind> kinds;
    /** Names the world data knows, keyed by folded name or alias: built once the data is read. */
    private final CompletableFuture<Map<String, Known>> known;
    private final Pattern leadBeforeName;
    private final QuotedTextGuard quoted;

    /** With the world data bundled in the jar (read in the background; the first finding waits for it). */
    public FoundNameRule(GuidelinePolicy policy, Clock clock, String kindsLocation) {
        this(policy, WorldData.bundled(), clock, kindsLocation);
    }

    public FoundNameRule(GuidelinePolicy policy, CompletableFuture<WorldData> world, Clock clock, String kindsLocation) {
        this.kinds = loadKinds(kindsLocation);
        this.leadBeforeName = Pattern.compile(PhrasePattern.alternation(policy.artistPhrasing().leadPhrases()) + "\\s+$", PhrasePattern.FLAGS);
        this.quoted = new QuotedTextGuard(policy.textInImageCues());
        this.known = world.thenApply(data -> knownNames(policy, data, clock));
    }

    private static Map<String, Known> knownNames(GuidelinePolicy policy, WorldData world, Clock clock) {
        Map<String, Known> known = new HashMap<>();
        FigureDescriber describer = new FigureDescriber(policy.publicFigureDescription(), policy.publicFigureGroupDescription(),
                policy.publicFigureAsModifier(), policy.grammar());
        int cutoffYear = LocalDate.now(clock).getYear() - policy.artistCutoffYears();
        String styled = policy.artistPhrasing().styledTemplate();
        String bare = policy.artistPhrasing().bareTemplate();
        // later lists do not overwrite earlier ones: a public figure stays one when an artist shares the alias
        index(known, world.publicFigures(), PublicFigure::name, PublicFigure::aliases, f -> {
            String description = describer.inDefaultLanguage(f);
            // as in PublicFigureRule, "by" or "like" before a person's name stays: only the name is described
            return new Known(Rules.PUBLIC_FIGURES, null, description, false);
        });
        index(known, world.artists(), Artist::name, Artist::aliases, a -> new Known(Rules.ARTISTS,
                styled.replace("{style}", a.style()), bare.replace("{style}", a.style()), !a.workedSince(cutoffYear)));
        List<ProtectedWork> works = new ArrayList<>();
        world.characters().forEach(c -> works.add(ProtectedWork.of(c)));
        world.studios().forEach(st -> works.add(ProtectedWork.of(st)));
        index(known, works, ProtectedWork::name, ProtectedWork::aliases,
                w -> new Known(Rules.STUDIOS_AND_CHARACTERS, w.description(), w.description(), false));
        return Map.copyOf(known);
    }

    /** The kinds a finder may report, as guard.yaml lists them. */
    public List<String> kinds() {
        return List.copyOf(kinds.keySet());
    }

    /**
     * The caption with every unquoted occurrence of {@code name} replaced, and one policy entry per
     * replacement recorded as found {@code by}. An allowed name (an artist whose last work is over the
     * cut-off) and a name the caption does not contain leave it as it is, with no entry.
     */
    public Screened enforce(String caption, String name, String kind, String by) {
        String wanted = name == null ? "" : name.strip();
        Kind generic = kinds.get(kind == null ? "" : kind.toLowerCase(Locale.ROOT));
        if (wanted.isEmpty() || generic == null) {
            return new Screened(caption, 1, List.of());
        }
        WorldData.neededNow();
        Known data = known.join().get(key(wanted));
        if (data != null && data.allowed()) {
            return new Screened(caption, 1, List.of());
        }
        Known replacement = data != null ? data : new Known(generic.rule(), generic.styled(), generic.bare(), false);
        List<TextSpan> protectedSpans = quoted.protectedSpans(caption);
        Matcher m = occurrences(wanted).matcher(caption);
        StringBuilder out = new StringBuilder();
        List<PolicyAction> actions = new ArrayList<>();
        int copied = 0;
        while (m.find()) {
            if (TextSpan.anyOverlaps(protectedSpans, m.start(), m.end())) {
                continue;
            }
            Matcher lead = leadBeforeName.matcher(caption.substring(copied, m.start()));
            boolean styledReference = replacement.styled() != null && lead.find();
            int start = styledReference ? copied + lead.start() : m.start();
            String words = Casing.forPosition(caption, start, styledReference ? replacement.styled() : replacement.bare());
            out.append(caption, copied, start).append(words);
            copied = m.end();
            String original = caption.substring(start, m.end());
            actions.add(new PolicyAction(replacement.rule(), words.isEmpty() ? "removed" : "replaced",
                    words.isEmpty() ? "'" + original + "' (" + kind + ")" : "'" + original + "' → '" + words + "' (" + kind + ")", by));
        }
        if (actions.isEmpty()) {
            return new Screened(caption, 1, List.of());
        }
        out.append(caption.substring(copied));
        return new Screened(TextTidy.tidy(out.toString()), 1, actions);
    }

    /** The name as written, any case; not inside a longer word of a spaced script ("Anna" in "Annapurna"). */
    private static Pattern occurrences(String name) {
        String before = isSpacedLetter(name.codePointAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
        String after = isSpacedLetter(name.codePointBefore(name.length())) ? "(?![\\p{L}\\p{N}])" : "";
        return Pattern.compile(before + Pattern.quote(name) + after, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Hangul, Han, Kana and Thai glue particles to names, so no word boundary is asked for there. */
    private static boolean isSpacedLetter(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return Character.isLetterOrDigit(cp) && script != Character.UnicodeScript.HANGUL && script != Character.UnicodeScript.HAN
                && script != Character.UnicodeScript.HIRAGANA && script != Character.UnicodeScript.KATAKANA
                && script != Character.UnicodeScript.THAI;
    }

    private static <T> void index(Map<String, Known> known, List<T> entries, Function<T, String> name,
            Function<T, List<String>> aliases, Function<T, Known> describe) {
        for (T entry : entries) {
            Known k = describe.apply(entry);
            known.putIfAbsent(key(name.apply(entry)), k);
            aliases.apply(entry).forEach(alias -> known.putIfAbsent(key(alias), k));
        }
    }

    private static String key(String name) {
        return Normalizer.normalize(TextTidy.collapseWhitespace(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Kind> loadKinds(String location) {
        try (InputStream in = ResourceLocation.open(location)) {
            JsonNode rows = new YAMLMapper().readTree(in).path("kinds");
            Map<String, Kind> kinds = new LinkedHashMap<>();
            rows.fields().forEachRemaining(e -> kinds.put(e.getKey(),
                    new Kind(e.getValue().path("rule").asText(), e.getValue().hasNonNull("styled") ? e.getValue().path("styled").asText() : null,
                            e.getValue().path("bare").asText())));
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException(location + " lists no kinds");
            }
            return Map.copyOf(kinds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
