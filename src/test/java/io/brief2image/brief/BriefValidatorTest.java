package io.brief2image.brief;

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

    Brief validate(String json) {
        return validator.validate(reader.read(json, BriefFormat.JSON), envelope, new Source("file", "brief.json", null, null, "json"));
    }

    @Test
    void defaultsFromTheDesign() {
        Brief brief = validate("{\"prompt\": \"  a red kite  \"}");
        assertThat(brief.id()).isEqualTo("brief");
        assertThat(brief.prompt()).isEqualTo("a red kite");
        assertThat(brief.n()).isEqualTo(2);
        assertThat(brief.model().id()).isEqualTo("gpt-image-1");
        assertThat(brief.outputFormat()).isEqualTo("png");
        assertThat(brief.expand()).isTrue();
        assertThat(brief.replace()).isFalse();
        assertThat(brief.size()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"prompt\": \"x\", \"id\": \".hidden\"}|id: '.hidden' is not allowed",
            "{\"prompt\": \"x\", \"id\": \"a/b\"}|id: 'a/b' is not allowed",
            "{\"prompt\": \"x\", \"n\": 0}|n: must be at least 1",
            "{\"prompt\": \"x\", \"n\": 1.5}|n: expected a whole number",
            "{\"prompt\": \"x\", \"seeds\": [1, \"two\"]}|seeds: every seed must be a whole number",
            "{\"prompt\": \"x\", \"metadata\": [1]}|metadata: must be a JSON object",
            "{\"prompt\": \"x\", \"output_format\": \"gif\"}|output_format: 'gif' is not accepted by model gpt-image-1",
            "{\"prompt\": \"x\", \"background\": \"green\"}|background: 'green' is not accepted",
            "{\"prompt\": \"x\", \"model\": \"dall-e-3\", \"style\": \"loud\"}|style: 'loud' is not a style of model dall-e-3",
            "{\"prompt\": \"x\", \"base_image\": \"a-1\"}|'base_image' and 'change' go together",
            "{\"prompt\": \"x\", \"reproduce\": \"../etc\"}|reproduce: '../etc' is not an image id",
            "{\"n\": 1}|prompt: is required",
            "[1, 2]|must be a JSON object",
            "{\"prompt\": \"x\", \"prompt\": \"y\"}|Duplicate field 'prompt'"})
    void badFieldsAreNamed(String json, String reason) {
        assertThatThrownBy(() -> validate(json)).isInstanceOf(BriefError.class).hasMessageContaining(reason);
    }

    @Test
    void promptLimitComesFromTheModelTable() {
        String long4001 = "a".repeat(4001);
        assertThat(validate("{\"prompt\": \"" + long4001 + "\"}").prompt()).hasSize(4001);
        assertThatThrownBy(() -> validate("{\"model\": \"dall-e-3\", \"prompt\": \"" + long4001 + "\"}"))
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
