package io.brief2image.brief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** gpt-image-2's size rules (models.yaml size_rules); models with fixed lists keep them. */
class ModelSizesTest {

    static final ModelTable MODELS = ModelTable.load("classpath:models.yaml");
    static final ModelSpec GPT_IMAGE_2 = MODELS.find("gpt-image-2").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"auto", "square", "wide", "tall", "1024x1024", "1536x1024", "1024x1536", "2048x1152", "1792x1024",
            "3840x2160", "3840x1280", "1280x3840", "816x816", "2880x2880", "1024x640"})
    void sizesWithinTheRulesAreTaken(String size) {
        assertThat(GPT_IMAGE_2.sizeProblem(size)).as(size).isEmpty();
        assertThat(MODELS.find("gpt-image-2.6-flare").orElseThrow().acceptsSize(size)).as(size).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1000x1000|both sides must be divisible by 16|992x992",
            "4096x2304|the longest side must be at most 3840|3840x2160",
            "4000x1000|the aspect ratio must be at most 3:1|3456x1152",
            "1024x4000|the aspect ratio must be at most 3:1|1168x3504",
            "512x512|it must have 655,360 to 8,294,400 pixels (it has 262,144)|816x816",
            "640x480|it must have 655,360 to 8,294,400 pixels (it has 307,200)|944x704",
            "3000x3000|it must have 655,360 to 8,294,400 pixels (it has 9,000,000)|2880x2880"})
    void sizesOutsideTheRulesNameTheRuleAndTheNearestValidSize(String size, String rule, String nearest) {
        assertThat(GPT_IMAGE_2.sizeProblem(size)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("The size is '" + size + "', which is not a size model gpt-image-2 makes: ")
                .contains(rule).contains("Use the nearest size it makes, " + nearest + ", or square, wide, tall").endsWith("."));
        String[] sides = nearest.split("x");
        assertThat(GPT_IMAGE_2.sizeRules().allows(Integer.parseInt(sides[0]), Integer.parseInt(sides[1]))).isTrue();
    }

    @Test
    void everyBrokenRuleIsNamed() {
        assertThat(GPT_IMAGE_2.sizeProblem("4001x1000")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("divisible by 16").contains("longest side").contains("aspect ratio"));
    }

    @Test
    void somethingThatIsNotASizeSaysWhatASizeLooksLike() {
        assertThat(GPT_IMAGE_2.sizeProblem("The field 'size'", "huge")).hasValue("The field 'size' is 'huge', which is not a size written like"
                + " 1536x1024: use square, wide, tall or one of 1024x1024, 1536x1024, 1024x1536, auto, or a width and height model"
                + " gpt-image-2 makes, such as 1536x1024.");
    }

    @Test
    void modelsWithoutSizeRulesKeepTheirFixedLists() {
        ModelSpec dalle3 = MODELS.find("dall-e-3").orElseThrow();
        assertThat(dalle3.acceptsSize("1792x1024")).isTrue();
        assertThat(dalle3.sizeProblem("The column 'size'", "2048x1152")).hasValue("The column 'size' is '2048x1152', which is not a size model"
                + " dall-e-3 makes: use square, wide, tall or one of 1024x1024, 1792x1024, 1024x1792.");
        assertThat(MODELS.find("stable-diffusion").orElseThrow().acceptsSize("2048x1152")).isFalse();
    }
}
