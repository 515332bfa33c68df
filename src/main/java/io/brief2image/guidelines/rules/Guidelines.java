package io.brief2image.guidelines.rules;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.UnknownNameData;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.text.QuotedTextGuard;
import io.brief2image.guidelines.text.TextEditor;
import io.brief2image.guidelines.text.TextTidy;
import io.brief2image.guidelines.text.TitlePattern;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The content guidelines ChatGPT applies before calling DALL·E, applied deterministically. This is
 * the entry to the rules: it builds each rule of this package from the policy, in the order they run.
 * The engine only rewrites text: instructions inside a prompt ("ignore previous instructions")
 * are just more text to screen, so they cannot switch a rule off.
 */
public final class Guidelines {
    private final GuidelinePolicy policy;
    private final BlockedTermRule blockedTerms;
    private final ImageCountRule imageCount;
    /** Built once the world data is read (on the loader thread at service start): the first screening waits. */
    private final CompletableFuture<NameRules> nameRules;
    private final NegationRule negations;
    private final ImageTypeCatalog imageTypes;
    private final SizeSuggester sizes;

    private record NameRules(WorldIndex index, List<TextRule> rules) {
    }

    /** With the world data bundled in the jar, read in the background once per process. */
    public Guidelines(GuidelinePolicy policy, Clock clock) {
        this(policy, WorldData.bundled(), clock);
    }

    /** {@code world} may still be loading: nothing waits for it until the first screening. */
    public Guidelines(GuidelinePolicy policy, CompletableFuture<WorldData> world, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        QuotedTextGuard guard = new QuotedTextGuard(policy.textInImageCues());
        TextEditor editor = new TextEditor(policy.grammar());
        TitlePattern titles = new TitlePattern(policy.titles());
        this.blockedTerms = new BlockedTermRule(policy.blockedTerms(), policy.blockedTermExceptions(), policy.blockedReason());
        this.imageCount = new ImageCountRule(policy.maxImages(), policy.imageCountPhrases());
        this.negations = new NegationRule(policy.negations(), guard, editor);
        NameContext context = new NameContext(policy.ambiguousNames(), policy.artistPhrasing());
        // names before titles, so "President Obama" is replaced as one person; known names before unknown ones
        this.nameRules = world.thenApply(data -> {
            UnknownNameData unknownData = UnknownNameData.bundled();
            WorldIndex index = new WorldIndex(data, policy, clock, unknownData.notPeople().phrases());
            UnknownNames unknown = UnknownNames.of(
                    new UnknownNameIndex(unknownData, index::isAllowedStyleName, worksOf(data)), guard, index::knownNameSpans);
            return new NameRules(index, List.of(
                    new PublicFigureRule(policy, index, context, titles, guard, editor),
                    new TitleRule(titles, policy.titleExceptions(), guard, editor, index),
                    new ArtistRule(index, context, policy.artistPhrasing(), guard, editor),
                    new ProtectedWorkRule(index, context, policy.franchiseLinks(), guard, editor),
                    new UnknownArtistRule(() -> unknown, editor),
                    new NamedPersonRule(() -> unknown, policy.grammar(), editor),
                    negations));
        });
        this.imageTypes = new ImageTypeCatalog(policy.imageTypes(), policy.grammar());
        this.sizes = new SizeSuggester(policy.sizes());
    }

    /**
     * All text rules plus the image count; throws {@link GuidelineBlockedException}.
     *
     * @param n      the brief's n, or the default count when {@code nGiven} is false
     * @param nGiven whether the brief gave n (count words in the prompt may then only lower it)
     */
    public Screened screenBrief(String prompt, int n, boolean nGiven) {
        List<PolicyAction> actions = new ArrayList<>();
        String text = TextTidy.collapseWhitespace(prompt);
        blockedTerms.check(text);
        ImageCountRule.Counted counted = imageCount.apply(text, n, nGiven, actions);
        return new Screened(rewrite(counted.text(), actions), counted.n(), actions);
    }

    /** Text rules on a final image prompt; running it twice changes nothing the second time. */
    public Screened enforce(String caption) {
        List<PolicyAction> actions = new ArrayList<>();
        String text = TextTidy.collapseWhitespace(caption);
        blockedTerms.check(text);
        return new Screened(rewrite(text, actions), 1, actions);
    }

    private String rewrite(String text, List<PolicyAction> actions) {
        String result = text;
        for (TextRule rule : nameRules().rules()) {
            result = rule.apply(result, actions);
        }
        return TextTidy.tidy(result);
    }

    /** The indexed world data, for rules that need to know whether a name is known (waits for the load). */
    public WorldIndex world() {
        return nameRules().index();
    }

    private NameRules nameRules() {
        try {
            WorldData.neededNow();
            return nameRules.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the guidelines' world data could not be read: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public String ensureImageTypeFirst(String caption, String imageType, List<PolicyAction> actionsOut) {
        return imageTypes.ensureFirst(caption, imageType, actionsOut);
    }

    /** The prompt as the subject of "{Type} of …", without the type it already names and without a capital article. */
    public String captionSubject(String prompt, String imageType) {
        return imageTypes.subjectAfter(prompt, imageType);
    }

    public List<String> defaultTypesFor(int n, String requestedType, String prompt) {
        return imageTypes.defaultTypes(n, requestedType, prompt);
    }

    /** The image type a text names, or null when none is named. */
    public String detectImageType(String text) {
        return imageTypes.detect(text);
    }

    /** "wide", "tall" or "square" (whatever sizes the YAML defines). */
    public String suggestSize(String prompt) {
        return sizes.suggest(prompt);
    }

    public List<String> negationsLeft(String text) {
        return negations.remaining(TextTidy.collapseWhitespace(text));
    }

    /**
     * Negating words still in a text that no rule rewrites ("not bright", "never crowded"): image
     * models tend to draw them anyway, so lint asks for a positive wording.
     */
    public List<String> negationsUnhandled(String text) {
        return negations.unhandled(TextTidy.collapseWhitespace(text));
    }

    public int maxImages() {
        return policy.maxImages();
    }

    /** Studios and characters are the known-name rules' to describe: the unknown-name rules leave them. */
    private static List<String> worksOf(WorldData data) {
        return Stream.concat(
                data.characters().stream().flatMap(c -> Stream.concat(Stream.of(c.name()), c.aliases().stream())),
                data.studios().stream().flatMap(st -> Stream.concat(Stream.of(st.name()), st.aliases().stream())))
                .toList();
    }
}
