package io.brief2image.brief;

import io.brief2image.base.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BriefValidatorTest {

    static final ModelTable MODELS = ModelTable.load("classpath:models.yaml");
    final BriefValidator validator = new BriefValidator(new ModelLifecycle(MODELS, java.time.Clock.systemUTC(), ModelLifecycle.RetiredModels.REPLACE), "gpt-image-2");
    final BriefReader reader = new BriefReader();
    final Envelope envelope = new Envelope(BriefFormat.JSON, "file", "brief.json", "brief");

    /** A DALL·E-style server that still serves dall-e-3 (its table row has no shutdown). */
    static final BriefValidator DALLE_SERVER = new BriefValidator(new ModelLifecycle(ModelTable.load("classpath:models-dalle-server.yaml"),
            java.time.Clock.systemUTC(), ModelLifecycle.RetiredModels.REPLACE), "gpt-image-2");

    Brief validate(String json) {
        return validate(validator, json);
    }

    Brief validate(BriefValidator with, String json) {
        return with.validate(reader.read(json, BriefFormat.JSON), envelope, new Source("file", "brief.json", null, null, "json"));
    }

    static final String DALLE3_BRIEF = "{\"prompt\": \"a lighthouse at dusk\", \"model\": \"dall-e-3\", \"size\": \"1792x1024\","
            + " \"quality\": \"hd\", \"style\": \"vivid\", \"response_format\": \"url\", \"n\": 1}";

    @Test
    void aDalle3BriefIsCarriedOverToGptImage2WithEveryStepRecorded() {
        Brief brief = validate(DALLE3_BRIEF);
        assertThat(brief.model().id()).isEqualTo("gpt-image-2");
        assertThat(brief.size()).isEqualTo("1536x1024");
        assertThat(brief.quality()).isEqualTo("high");
        assertThat(brief.style()).isNull();
        assertThat(brief.prompt()).isEqualTo("a lighthouse at dusk, in a vivid, hyper-real style with dramatic lighting and saturated colours");
        assertThat(brief.policy()).extracting(p -> p.rule() + " " + p.action() + ": " + p.detail()).containsExactly(
                "model-retired replaced: dall-e-3 was shut down on 2026-05-12 → gpt-image-2",
                "carry-over mapped: size 1792x1024 → 1536x1024 (gpt-image-2's wide size)",
                "carry-over mapped: quality hd → high (gpt-image-2 has no hd)",
                "carry-over worded: style vivid → added to the prompt: 'in a vivid, hyper-real style with dramatic lighting and saturated colours'"
                        + " (gpt-image-2 takes no style)",
                "carry-over dropped: response_format (brief2image sets it itself where the model takes it)");
        assertThat(brief.warnings()).isEmpty();
    }

    @Test
    void dalleEraValuesWithoutAModelAreCarriedOverToTheDefaultModel() {
        Brief brief = validate("{\"prompt\": \"a tall tower\", \"size\": \"1024x1792\", \"quality\": \"standard\", \"style\": \"natural\"}");
        assertThat(brief.model().id()).isEqualTo("gpt-image-2");
        assertThat(brief.size()).isEqualTo("1024x1536");
        assertThat(brief.quality()).isEqualTo("medium");
        assertThat(brief.prompt()).endsWith(", in a natural, true-to-life style with realistic lighting and colours");
        assertThat(brief.policy()).extracting(p -> p.rule()).containsOnly("carry-over").hasSize(3);
    }

    @Test
    void aModelWhoseRowTakesTheDalleFieldsKeepsThem() {
        Brief brief = validate(DALLE_SERVER, DALLE3_BRIEF);
        assertThat(brief.model().id()).isEqualTo("dall-e-3");
        assertThat(brief.size()).isEqualTo("1792x1024");
        assertThat(brief.quality()).isEqualTo("hd");
        assertThat(brief.style()).isEqualTo("vivid");
        assertThat(brief.prompt()).isEqualTo("a lighthouse at dusk");
        assertThat(brief.policy()).extracting(p -> p.detail()).containsExactly(
                "response_format (brief2image sets it itself where the model takes it)");
    }

    @Test
    void aRetiredModelIsRefusedInRejectModeNamingItsReplacement() {
        BriefValidator reject = new BriefValidator(new ModelLifecycle(MODELS, ModelLifecycleTest.on("2026-12-01"),
                ModelLifecycle.RetiredModels.REJECT), "gpt-image-1");
        assertThatThrownBy(() -> validate(reject, "{\"prompt\": \"x\", \"model\": \"gpt-image-1.5\"}"))
                .isInstanceOf(BriefError.class)
                .hasMessageEndingWith("The field 'model' is 'gpt-image-1.5', a model that was shut down on 2026-12-01: name gpt-image-2 instead,"
                        + " or set retired-models=replace to render such briefs on it.");
        assertThatThrownBy(() -> validate(reject, "{\"prompt\": \"x\"}"))
                .hasMessageStartingWith("validation: The model setting is 'gpt-image-1', a model that was shut down on 2026-10-23: name gpt-image-2 instead");
    }

    @Test
    void aModelShuttingDownWithinThirtyDaysIsASidecarWarning() {
        BriefValidator soon = new BriefValidator(new ModelLifecycle(MODELS, ModelLifecycleTest.on("2026-11-21"),
                ModelLifecycle.RetiredModels.REPLACE), "gpt-image-2");
        assertThat(validate(soon, "{\"prompt\": \"x\", \"model\": \"chatgpt-image-latest\"}").warnings()).containsExactly(
                "Model chatgpt-image-latest shuts down on 2026-12-01 (in 10 days): briefs naming it will then be rendered on gpt-image-2.");
    }

    @Test
    void defaultsFromTheDesign() {
        Brief brief = validate("{\"prompt\": \"  a red kite  \"}");
        assertThat(brief.id()).isEqualTo("brief");
        assertThat(brief.prompt()).isEqualTo("a red kite");
        assertThat(brief.n()).isEqualTo(2);
        assertThat(brief.model().id()).isEqualTo("gpt-image-2");
        assertThat(brief.outputFormat()).isEqualTo("png");
        assertThat(brief.expand()).isTrue();
        assertThat(brief.replace()).isFalse();
        assertThat(brief.size()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"prompt\": \"x\", \"id\": \".hidden\"}|The field 'id' is '.hidden', which is not allowed",
            "{\"prompt\": \"x\", \"id\": \"a/b\"}|The field 'id' is 'a/b', which is not allowed",
            "{\"prompt\": \"x\", \"n\": 0}|The field 'n' is 0, but it must be at least 1",
            "{\"prompt\": \"x\", \"n\": 1.5}|The field 'n' is 1.5 (a number), but it must be a whole number",
            "{\"prompt\": \"x\", \"seeds\": [1, \"two\"]}|The field 'seeds' holds \"two\" (text), but every seed must be a whole number",
            "{\"prompt\": \"x\", \"metadata\": [1]}|The field 'metadata' is [1] (a list), but it must be a JSON object",
            "{\"prompt\": \"x\", \"output_format\": \"gif\"}|The field 'output_format' is 'gif', which model gpt-image-2 does not take",
            "{\"prompt\": \"x\", \"background\": \"green\"}|The field 'background' is 'green', which model gpt-image-2 does not take",
            "{\"prompt\": \"x\", \"model\": \"dall-e-3\", \"style\": \"loud\"}|The field 'style' is 'loud', which is not a style: model gpt-image-2 takes no style, and only natural or vivid are turned into words in the prompt. Use one of them or remove the field.",
            "{\"prompt\": \"x\", \"size\": \"1000x1000\"}|The field 'size' is '1000x1000', which is not a size model gpt-image-2 makes: both sides must be divisible by 16. Use the nearest size it makes, 992x992, or square, wide, tall or one of 1024x1024, 1536x1024, 1024x1536, auto.",
            "{\"prompt\": \"x\", \"quality\": \"ultra\"}|The field 'quality' is 'ultra', which model gpt-image-2 does not take: use one of low, medium, high, auto.",
            "{\"prompt\": \"x\", \"base_image\": \"a-1\"}|The fields 'base_image' and 'change' go together",
            "{\"prompt\": \"x\", \"reproduce\": \"../etc\"}|The field 'reproduce' is '../etc', which is not an image id",
            "{\"n\": 1}|The field 'prompt' is missing",
            "[1, 2]|The brief must be a JSON object such as {\"prompt\": \"a red bicycle\"}, but it is a list",
            "{\"prompt\": \"x\", \"prompt\": \"y\"}|the field 'prompt' appears twice; keep only one of them"})
    void badFieldsAreNamed(String json, String reason) {
        assertThatThrownBy(() -> validate(json)).isInstanceOf(BriefError.class).hasMessageContaining(reason);
    }

    @Test
    void promptLimitComesFromTheModelTable() {
        String long4001 = "a".repeat(4001);
        assertThat(validate("{\"prompt\": \"" + long4001 + "\"}").prompt()).hasSize(4001);
        assertThatThrownBy(() -> validate(DALLE_SERVER, "{\"model\": \"dall-e-3\", \"prompt\": \"" + long4001 + "\"}"))
                .hasMessageContaining("takes at most 4000");
    }

    @Test
    void unknownFieldsAreWarningsNotFailures() {
        assertThat(validate("{\"prompt\": \"x\", \"colour\": \"red\"}").warnings()).containsExactly("unknown field 'colour' was ignored");
    }

    @Test
    void theFingerprintIgnoresKeyOrderWhitespaceAndReplace() {
        ObjectNode a = reader.read("{\"prompt\": \"x\", \"n\": 1}", BriefFormat.JSON);
        ObjectNode b = reader.read("{ \"n\":1,\"prompt\":\"x\", \"replace\": true }", BriefFormat.JSON);
        ObjectNode c = reader.read("{\"prompt\": \"x\", \"n\": 2}", BriefFormat.JSON);
        assertThat(BriefValidator.fingerprint(a)).isEqualTo(BriefValidator.fingerprint(b)).isNotEqualTo(BriefValidator.fingerprint(c));
    }

    @Test
    void explicitWxHSizesTheModelTakesAreAccepted() {
        assertThat(validate("{\"prompt\": \"x\", \"size\": \"1536x1024\"}").size()).isEqualTo("1536x1024");
        assertThat(validate("{\"prompt\": \"x\", \"size\": \"tall\"}").model().resolveSize("tall")).isEqualTo("1024x1536");
    }
}
