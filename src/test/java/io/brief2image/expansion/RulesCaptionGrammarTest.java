package io.brief2image.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.brief.Brief;
import io.brief2image.brief.BriefFiles;
import io.brief2image.brief.BriefReader;
import io.brief2image.brief.BriefValidator;
import io.brief2image.brief.ModelLifecycle;
import io.brief2image.brief.ModelTable;
import io.brief2image.base.Source;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.GuidelineStage;
import io.brief2image.guidelines.rules.Guidelines;
import io.brief2image.guidelines.policy.ImageTypePolicy.ImageType;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.policy.WorldData.PublicFigure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #10 point 10: captions written by the rules read like a person wrote them. Every public
 * figure name and alias, every image type keyword and every example brief goes through the real
 * guideline and expansion stages with the shipped tables; no caption names its image type twice
 * ("Watercolor painting of watercolor painting of …") or puts a capital article after the type
 * ("Photo of A tall, slim man").
 */
class RulesCaptionGrammarTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    static GuidelinePolicy policy;
    static BriefValidator validator;
    static GuidelineStage screening;
    static ExpansionStage expansion;

    /** A brief as a file would hold it, named for the report. */
    record Row(String label, String fileName, String text) {
        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    static void stages() {
        policy = GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED);
        Guidelines guidelines = new Guidelines(policy, CLOCK);
        ModelLifecycle models = new ModelLifecycle(ModelTable.load("classpath:models.yaml"), CLOCK, ModelLifecycle.RetiredModels.REPLACE);
        validator = new BriefValidator(models, defaultModel());
        // none of these briefs reproduces or tunes an earlier image, so no earlier-images step runs first
        screening = new GuidelineStage(guidelines);
        expansion = new ExpansionStage(guidelines, ExpansionRules.load("classpath:expansion.yaml"), Optional.empty(), s -> null);
    }

    static Stream<Row> publicFigures() {
        List<Row> rows = new ArrayList<>();
        // the figures whose description is also written in other languages: every name and alias of them
        for (PublicFigure figure : WorldData.bundled().join().publicFigures().stream().filter(f -> !f.descriptions().isEmpty()).toList()) {
            List<String> names = new ArrayList<>(List.of(figure.name()));
            names.addAll(figure.aliases());
            for (String name : names) {
                rows.add(json(name + " walking a dog on a beach"));
                rows.add(json(name + " at a desk, n 1", 1));
                rows.add(json("a photo of " + name + " waving", 1));
            }
        }
        return rows.stream();
    }

    static Stream<Row> imageTypes() {
        List<Row> rows = new ArrayList<>();
        for (ImageType type : GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED).imageTypes().types()) {
            List<String> words = new ArrayList<>(List.of(type.name()));
            words.addAll(type.keywords());
            for (String word : words) {
                rows.add(json(word + " of three lemons on a blue plate", 1));
                rows.add(json("A " + word + " of the old harbour at dusk", 2));
                rows.add(json(Character.toUpperCase(word.charAt(0)) + word.substring(1) + ": an owl on a branch", 1));
                rows.add(jsonWithType("an " + word + " of an owl", type.name()));
            }
        }
        return rows.stream();
    }

    static Stream<Row> exampleBriefs() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples", "briefs"))) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (BriefFiles.QueuedBrief queued : BriefFiles.split(file.getFileName().toString(), text, "file")) {
                    rows.add(new Row("examples/briefs/" + queued.envelope().sourceName(), queued.envelope().sourceName(), queued.text()));
                }
            }
        }
        assertThat(rows).as("example briefs").hasSizeGreaterThanOrEqualTo(4);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"publicFigures", "imageTypes", "exampleBriefs"})
    void captionsReadLikeAPersonWroteThem(Row row) {
        for (ImageTask task : tasksOf(row)) {
            assertReadsNaturally(task.imagePrompt());
        }
    }

    @Test
    void theExampleWatercolourBriefNamesItsTypeOnce() throws IOException {
        Row lemons = exampleBriefs().filter(r -> r.text().contains("watercolor painting of three lemons")).findFirst().orElseThrow();
        assertThat(tasksOf(lemons)).singleElement().satisfies(task -> assertThat(task.imagePrompt())
                .startsWith("Watercolor painting of three lemons on a blue plate, "));
    }

    @Test
    void aNameAtTheStartBecomesALowerCaseDescription() {
        assertThat(tasksOf(json("Obama walking a dog", 1))).singleElement()
                .satisfies(task -> assertThat(task.imagePrompt()).startsWith("Photo of a tall, slim man walking a dog, "));
    }

    @Test
    void aTypeTheBriefDidNotAskForStaysPartOfTheSubject() {
        // a photo of an oil painting is a photo, of a painting: nothing is doubled, nothing dropped
        assertThat(tasksOf(jsonWithType("an oil painting of a ship on a gallery wall", "photo"))).singleElement()
                .satisfies(task -> assertThat(task.imagePrompt()).startsWith("Photo of an oil painting of a ship on a gallery wall, "));
    }

    /** After "{Type} of ": no capital article, and not the same type named again. */
    static void assertReadsNaturally(String caption) {
        String prefixed = "^(?<type>[^,]+?) of (?<rest>.+)$";
        var m = Pattern.compile(prefixed, Pattern.DOTALL).matcher(caption);
        assertThat(m.matches()).as("starts with '<Type> of ': %s", caption).isTrue();
        String type = m.group("type");
        String rest = m.group("rest");
        String firstWord = rest.split("[\\s,]+", 2)[0];
        List<String> articles = articlesOfEveryLanguage();
        boolean shouted = firstWord.length() > 1 && firstWord.equals(firstWord.toUpperCase(Locale.ROOT));
        assertThat(articles.contains(firstWord.toLowerCase(Locale.ROOT)) && !shouted && Character.isUpperCase(firstWord.charAt(0)))
                .as("capital article after the image type: %s", caption).isFalse();
        ImageType named = policy.imageTypes().types().stream().filter(t -> t.name().equalsIgnoreCase(type)).findFirst().orElse(null);
        if (named != null) {
            for (String word : wordsFor(named)) {
                Pattern again = Pattern.compile("^(?:(?:a|an|the)\\s+)?" + Pattern.quote(word) + "\\s*(?:of\\b|:|,)",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                assertThat(again.matcher(rest).find()).as("image type named twice: %s", caption).isFalse();
            }
        }
    }

    private static List<String> wordsFor(ImageType type) {
        List<String> words = new ArrayList<>(type.keywords());
        words.add(type.name());
        return words;
    }

    private static List<String> articlesOfEveryLanguage() {
        List<String> words = new ArrayList<>();
        policy.grammar().languages().values().forEach(l -> {
            words.addAll(l.determiners());
            words.addAll(l.articles());
        });
        return words;
    }

    private static List<ImageTask> tasksOf(Row row) {
        BriefFiles.QueuedBrief queued = BriefFiles.split(row.fileName(), row.text(), "file").get(0);
        ObjectNode json = new BriefReader().read(queued.text(), queued.envelope().format());
        Brief brief = validator.validate(json, queued.envelope(), new Source("file", row.fileName(), null, null, null));
        RenderPlan plan = expansion.expand(screening.screen(brief));
        assertThat(plan.expansion().mode()).isEqualTo(brief.expand() ? "rules" : "verbatim");
        return plan.tasks();
    }

    private static Row json(String prompt) {
        return row(prompt, "{\"prompt\": " + quoted(prompt) + "}");
    }

    private static Row json(String prompt, int n) {
        return row(prompt + " (n=" + n + ")", "{\"prompt\": " + quoted(prompt) + ", \"n\": " + n + "}");
    }

    private static Row jsonWithType(String prompt, String type) {
        return row(prompt + " (image_type " + type + ")", "{\"prompt\": " + quoted(prompt) + ", \"n\": 1, \"image_type\": " + quoted(type) + "}");
    }

    private static Row row(String label, String text) {
        return new Row(label, "grammar.json", text);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String defaultModel() {
        Properties properties = new Properties();
        try (InputStream in = RulesCaptionGrammarTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("brief2image.model");
    }
}
