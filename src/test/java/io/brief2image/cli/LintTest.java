package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brief2image lint FILE…}: errors name the field, guideline rewrites are previewed, warnings are useful. */
class LintTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOut() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // independent of whether the machine running the tests has an OPENAI_API_KEY
        System.setProperty("brief2image.expansion", "rules");
    }

    @AfterEach
    void restoreOut() {
        System.setOut(originalOut);
        System.clearProperty("brief2image.expansion");
    }

    private record Outcome(int exit, String out) {
    }

    private Outcome lint(String... namesAndContents) throws IOException {
        String[] args = new String[1 + namesAndContents.length / 2];
        args[0] = "lint";
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path file = dir.resolve(namesAndContents[i]);
            Files.writeString(file, namesAndContents[i + 1]);
            args[1 + i / 2] = file.toString();
        }
        int exit = Brief2Image.run(args);
        return new Outcome(exit, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void goodBriefPassesAndPreviewsTheGuidelineRewrites() throws IOException {
        Outcome result = lint("poster.json", """
                {"prompt": "a city skyline at night in the style of Andy Warhol", "n": 2}""");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("ok: id poster, model gpt-image-2, 2 image(s)")
                .contains("guideline artists: replaced 'in the style of Andy Warhol'")
                .contains("pop art")
                .contains("prompt after guidelines: a city skyline at night in a bold, graphic, repetitive pop art silkscreen print style")
                .contains("1 file(s), 0 error(s)")
                .doesNotContain("ERROR");
    }

    @Test
    void everyKnownNameRuleThatFiresIsShown() throws IOException {
        Outcome result = lint("names.json", """
                {"prompt": "Elsa from Frozen and 손흥민 in a park, in the style of Hayao Miyazaki, with the president", "n": 1}""");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("guideline public-figures: replaced '손흥민'")
                .contains("guideline artists: replaced 'in the style of Hayao Miyazaki'")
                .contains("guideline studios-and-characters: described 'Elsa from Frozen'")
                .contains("guideline titles: generalised 'president'")
                .doesNotContain("ERROR");
    }

    @Test
    void unknownNamesShowTheRulesThatFired() throws IOException {
        Outcome result = lint("team.json", """
                {"prompt": "a portrait of Sarah Johnson in a cafe in the style of Jonas Feldmann", "n": 1}""",
                "terrier.json", """
                {"prompt": "a Jack Russell terrier at Victoria Station", "n": 1}""");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("guideline unknown-artist: removed 'in the style of Jonas Feldmann'")
                .contains("guideline named-person: replaced 'Sarah Johnson' → 'a woman'")
                .contains("prompt after guidelines: a portrait of a woman in a cafe");
        String terrier = result.out().substring(result.out().indexOf("terrier.json"));
        assertThat(terrier).doesNotContain("unknown-artist", "named-person", "prompt after guidelines");
    }

    @Test
    void badBriefNamesTheFieldAndFails() throws IOException {
        Outcome result = lint("bad.json", """
                {"prompt": "a cat", "n": "two"}""");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("ERROR The field 'n' is \"two\" (text)").contains("1 error(s)");
    }

    @Test
    void oneBadBriefAmongGoodOnesFailsTheRun() throws IOException {
        Outcome result = lint("good.json", "{\"prompt\": \"a lemon\"}", "nosize.json", "{\"prompt\": \"a lemon\", \"size\": \"huge\"}");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("ERROR The field 'size' is 'huge'").contains("2 file(s), 1 error(s)");
    }

    @Test
    void blockedContentIsAnError() throws IOException {
        Outcome result = lint("gore.json", "{\"prompt\": \"a gore scene\"}");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("ERROR guidelines:");
    }

    @Test
    void negationsTheGuidelinesLeaveAreWarnings() throws IOException {
        Outcome result = lint("street.json", """
                {"prompt": "a quiet street, not bright, without the old red kettle, no people"}""");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                // rewritten by the guidelines: previewed, not warned about
                .contains("guideline negations: rephrased")
                .doesNotContain("negation left in the prompt: 'no people")
                // left by the guidelines: warned about
                .contains("warning: negation left in the prompt: 'not bright'")
                .contains("warning: negation left in the prompt: 'without the old red");
    }

    @Test
    void quotedTextAndSetPhrasesAreNotNegations() throws IOException {
        Outcome result = lint("sign.json", """
                {"prompt": "a street sign that reads \\"No Parking\\", a shop that is no longer open"}""");
        assertThat(result.out()).doesNotContain("negation left");
    }

    @Test
    void promptNearTheModelLimitIsAWarning() throws IOException {
        String prompt = "a small red boat on a calm lake ".repeat(950).strip();
        Outcome result = lint("long.json", "{\"prompt\": \"" + prompt + "\"}");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).containsPattern("warning: the prompt is \\d+ characters, near the limit of 32000 for gpt-image-2");
    }

    @Test
    void promptOverTheModelLimitIsAnError() throws IOException {
        Outcome result = lint("huge.json", "{\"prompt\": \"" + "boat ".repeat(7000) + "\"}");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("ERROR The field 'prompt' is ");
    }

    @Test
    void manyCommaSeparatedDescriptorsAreAWarning() throws IOException {
        String prompt = IntStream.rangeClosed(1, 35).mapToObj(i -> "detail" + i).collect(Collectors.joining(", "));
        Outcome result = lint("tags.json", "{\"prompt\": \"" + prompt + "\"}");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("warning: 35 comma-separated descriptors");
    }

    @Test
    void fewDescriptorsAreFine() throws IOException {
        Outcome result = lint("short.txt", "a teapot, studio light, white background");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).doesNotContain("warning");
    }

    @Test
    void koreanPromptWithoutGptIsAWarning() throws IOException {
        Outcome result = lint("cat.json", "{\"prompt\": \"창가에 앉은 고양이, 아침 햇살\"}");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("warning: the prompt does not look English and no GPT expansion is configured");
    }

    @Test
    void koreanPromptWithGptConfiguredIsFine() throws IOException {
        System.setProperty("brief2image.expansion", "gpt");
        Outcome result = lint("cat.json", "{\"prompt\": \"창가에 앉은 고양이, 아침 햇살\"}");
        assertThat(result.out()).doesNotContain("does not look English");
    }

    @Test
    void unknownFieldIsAWarningNotAnError() throws IOException {
        Outcome result = lint("colour.json", "{\"prompt\": \"a lemon\", \"colour\": \"yellow\"}");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("warning: unknown field 'colour'");
    }

    @Test
    void spreadsheetRowsAreCheckedOneByOne() throws IOException {
        Outcome result = lint("rows.csv", "prompt,n\na lemon,1\na pear,many\n");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("(rows-row1.csv)").contains("(rows-row2.csv)").contains("ERROR The column 'n' is \"many\" (text)");
    }

    /** Lint on a given day (the models' shutdown dates are compared with it). */
    private Outcome lintOn(String day, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        java.time.Clock clock = java.time.Clock.fixed(java.time.LocalDate.parse(day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                java.time.ZoneOffset.UTC);
        int exit = new Lint(System.out, clock).run(java.util.List.of(file));
        return new Outcome(exit, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRetiredModelAndDalleFieldsShowWhatTheyBecome() throws IOException {
        Outcome result = lintOn("2026-12-01", "dalle.json", """
                {"prompt": "a lighthouse at dusk", "model": "dall-e-3", "size": "1792x1024", "quality": "hd", "style": "vivid", "n": 1}""");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("ok: id dalle, model gpt-image-2, 1 image(s)")
                .contains("  model-retired: replaced dall-e-3 was shut down on 2026-05-12 → gpt-image-2")
                .contains("  carry-over: mapped size 1792x1024 → 1536x1024 (gpt-image-2's wide size)")
                .contains("  carry-over: mapped quality hd → high (gpt-image-2 has no hd)")
                .contains("  carry-over: worded style vivid → added to the prompt");
    }

    @Test
    void aModelShuttingDownWithinThirtyDaysIsALintWarning() throws IOException {
        Outcome result = lintOn("2026-11-20", "soon.json", "{\"prompt\": \"a lemon\", \"model\": \"gpt-image-1.5\"}");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("ok: id soon, model gpt-image-1.5")
                .contains("warning: Model gpt-image-1.5 shuts down on 2026-12-01 (in 11 days): briefs naming it will then be rendered on gpt-image-2.");
        int before = result.out().length();
        String later = lintOn("2026-10-20", "later.json", "{\"prompt\": \"a lemon\", \"model\": \"gpt-image-1.5\"}").out().substring(before);
        assertThat(later).contains("ok: id later, model gpt-image-1.5").doesNotContain("shuts down");
    }

    @Test
    void aSizeOutsideTheRulesIsAnErrorNamingTheRuleAndTheNearestSize() throws IOException {
        Outcome result = lintOn("2026-12-01", "odd.json", "{\"prompt\": \"a lemon\", \"size\": \"1000x1000\"}");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).contains("ERROR The field 'size' is '1000x1000', which is not a size model gpt-image-2 makes: both sides must"
                + " be divisible by 16. Use the nearest size it makes, 992x992,");
    }

    @Test
    void withAKeyLintSaysWhetherTheProviderServesTheDefaultModel() throws Exception {
        try (io.brief2image.offline.OfflineImageServer provider =
                     io.brief2image.offline.OfflineImageServer.start(io.brief2image.offline.OfflineOptions.defaults().withFaults(true))) {
            System.setProperty("brief2image.openai-api-key", "sk-lint-test");
            System.setProperty("brief2image.openai-base-url", provider.baseUrl());
            Outcome served = lint("kite.json", "{\"prompt\": \"a red kite\"}");
            assertThat(served.exit()).isZero();
            assertThat(served.out()).contains("provider: default model gpt-image-2 is served; table models it does not serve: gpt-image-1");

            // a shut-down model setting is rendered on its replacement, so the replacement is what must be served
            captured.reset();
            System.setProperty("brief2image.model", "gpt-image-1");
            Outcome retired = lint("kite.json", "{\"prompt\": \"a red kite\"}");
            assertThat(retired.exit()).isZero();
            assertThat(retired.out()).contains("warning: The model setting names gpt-image-1, which was shut down on 2026-10-23")
                    .contains("provider: default model gpt-image-2 is served");

            // a table that says dall-e-3 is still served, against a provider that does not serve it
            captured.reset();
            System.setProperty("brief2image.models", "classpath:models-dalle-server.yaml");
            System.setProperty("brief2image.model", "dall-e-3");
            Outcome notServed = lint("kite.json", "{\"prompt\": \"a red kite\"}");
            assertThat(notServed.exit()).isEqualTo(1);
            assertThat(notServed.out()).contains("provider: ERROR default model dall-e-3 is NOT served by the provider");

            captured.reset();
            System.clearProperty("brief2image.models");
            System.clearProperty("brief2image.model");
            provider.faults().next(io.brief2image.offline.Fault.status(500, "server_error", "boom").forPath("/v1/models"));
            Outcome failing = lint("kite.json", "{\"prompt\": \"a red kite\"}");
            assertThat(failing.exit()).isZero();
            assertThat(failing.out()).contains("provider: warning: served models unknown (GET /models answered HTTP 500 (server_error))")
                    .doesNotContain("sk-lint-test");
        } finally {
            System.clearProperty("brief2image.openai-api-key");
            System.clearProperty("brief2image.openai-base-url");
            System.clearProperty("brief2image.model");
            System.clearProperty("brief2image.models");
        }
    }
    /**
     * Issue 15: the estimate both ways. gpt-image-2 high 1536x1024 is $0.165 per image (models.yaml), plus
     * the prompt's 20 characters / 3 per token = 7 tokens at $5 per 1M: $0.165035 now, half of it batch.
     */
    @Test
    void showsThePriceNowAndBatchAndWhichOneTheBriefAsks() throws IOException {
        Outcome result = lint("wide.json", """
                {"prompt": "a lighthouse at dusk", "n": 1, "size": "wide", "quality": "high", "priority": "batch"}""",
                "two.json", """
                {"prompt": "a lighthouse at dusk", "n": 5, "quality": "high"}""",
                "local.json", """
                {"prompt": "a lighthouse at dusk", "n": 1, "model": "stable-diffusion", "priority": "batch"}""");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("price: $0.1650 now, $0.0825 batch (1 image; this brief: batch)")
                // n 5 is reduced to 2 by the guidelines: the price is for the 2 images that would be made
                .contains("price: $0.4220 now, $0.2110 batch (2 images; this brief: now)")
                .contains("price: $0.0000 now (1 image; model stable-diffusion's server has no Batch API)")
                .contains("warning: priority batch was asked for, but the server of model stable-diffusion has no Batch API");
    }
}
