package io.brief2image.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.brief2image.brief.ModelSpec;
import io.brief2image.brief.ModelTable;
import io.brief2image.base.Json;
import org.junit.jupiter.api.Test;

/** gpt-image-2's prices from the model table: per size where the table has them, tokens when usage is reported. */
class CostEstimateTest {

    static final ModelSpec GPT_IMAGE_2 = ModelTable.load("classpath:models.yaml").find("gpt-image-2").orElseThrow();

    @Test
    void perImagePricesDependOnTheSize() {
        assertThat(CostEstimate.of(GPT_IMAGE_2, null, "high", "1024x1024", 1)).isEqualTo(0.211);
        assertThat(CostEstimate.of(GPT_IMAGE_2, null, "high", "1536x1024", 1)).isEqualTo(0.165);
        assertThat(CostEstimate.of(GPT_IMAGE_2, null, "low", "tall", 2)).isCloseTo(0.010, within(1e-9));
        assertThat(CostEstimate.of(GPT_IMAGE_2, null, "medium", "square", 1)).isEqualTo(0.053);
        // a flexible size the table has no price for costs what a square image does
        assertThat(CostEstimate.of(GPT_IMAGE_2, null, "medium", "2048x1152", 1)).isEqualTo(0.053);
    }

    @Test
    void reportedTokensArePricedAtTheTablesRates() throws Exception {
        var usage = Json.MAPPER.readTree("""
                {"input_tokens": 1100, "input_tokens_details": {"text_tokens": 100, "image_tokens": 1000}, "output_tokens": 4000}""");
        assertThat(CostEstimate.of(GPT_IMAGE_2, usage, "high", "1024x1024", 1))
                .isCloseTo((100 * 5.0 + 1000 * 8.0 + 4000 * 30.0) / 1_000_000, within(1e-12));
    }
}
