package io.brief2image.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.base.Source;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 1: a brief's priority (now or batch) from its field, a CSV column or the message's
 * property, each wrong value a sentence naming where it came from; and the model table's batch data
 * (point 2): half price where the server has a Batch API, none where it has not.
 */
class PriorityTest {

    static final ModelTable MODELS = ModelTable.load("classpath:models.yaml");
    final BriefValidator validator = new BriefValidator(new ModelLifecycle(MODELS, Clock.systemUTC(), ModelLifecycle.RetiredModels.REPLACE),
            "gpt-image-2");
    final BriefReader reader = new BriefReader();
    final Envelope json = new Envelope(BriefFormat.JSON, "file", "brief.json", "brief");
    final Source source = new Source("file", "brief.json", null, null, "json");

    Brief validate(String text, String property) {
        return validator.validate(reader.read(text, BriefFormat.JSON), json, source, property);
    }

    @Test
    void nowUnlessTheBriefOrItsMessageSaysBatchAndTheBriefsOwnFieldWins() {
        assertThat(validate("{\"prompt\": \"a kite\"}", null).priority()).isEqualTo(Priority.NOW);
        assertThat(validate("{\"prompt\": \"a kite\", \"priority\": \"batch\"}", null).priority()).isEqualTo(Priority.BATCH);
        assertThat(validate("{\"prompt\": \"a kite\", \"priority\": \"BATCH\"}", null).priority()).isEqualTo(Priority.BATCH);
        assertThat(validate("{\"prompt\": \"a kite\"}", "batch").priority()).isEqualTo(Priority.BATCH);
        assertThat(validate("{\"prompt\": \"a kite\", \"priority\": \"now\"}", "batch").priority()).isEqualTo(Priority.NOW);
        assertThat(validate("{\"prompt\": \"a kite\", \"priority\": \"batch\"}", "now").priority()).isEqualTo(Priority.BATCH);
        // a known field: no "unknown field" warning
        assertThat(validate("{\"prompt\": \"a kite\", \"priority\": \"batch\"}", null).warnings()).isEmpty();
    }

    @Test
    void aWrongValueIsASentenceNamingTheFieldOrPropertyAndTheValuesAllowed() {
        assertThatThrownBy(() -> validate("{\"prompt\": \"a kite\", \"priority\": \"urgent\"}", null))
                .isInstanceOfSatisfying(BriefError.class, e -> {
                    assertThat(e.field()).isEqualTo("priority");
                    assertThat(e.reason()).isEqualTo("The field 'priority' is 'urgent', which is not a priority: use now or batch"
                            + " (now = made at once; batch = within 24 hours at half price).");
                });
        assertThatThrownBy(() -> validate("{\"prompt\": \"a kite\", \"priority\": 1}", null))
                .isInstanceOfSatisfying(BriefError.class, e -> assertThat(e.reason()).startsWith("The field 'priority' is 1 (a number)"));
        assertThatThrownBy(() -> validate("{\"prompt\": \"a kite\"}", "tomorrow"))
                .isInstanceOfSatisfying(BriefError.class, e -> assertThat(e.reason())
                        .startsWith("The message property 'priority' is 'tomorrow', which is not a priority: use now or batch"));
    }

    @Test
    void aSpreadsheetColumnIsNamedAsAColumn() {
        List<BriefFiles.QueuedBrief> rows = BriefFiles.split("sheet.csv", "prompt,priority\na kite,batch\na boat,\na hat,later\n", "file");
        assertThat(validator.validate(reader.read(rows.get(0).text(), BriefFormat.CSV), rows.get(0).envelope(), source, null).priority())
                .isEqualTo(Priority.BATCH);
        assertThat(validator.validate(reader.read(rows.get(1).text(), BriefFormat.CSV), rows.get(1).envelope(), source, null).priority())
                .isEqualTo(Priority.NOW);
        assertThatThrownBy(() -> validator.validate(reader.read(rows.get(2).text(), BriefFormat.CSV), rows.get(2).envelope(), source, null))
                .hasMessageContaining("The column 'priority' is 'later'");
    }

    @Test
    void aModelWhoseServerHasNoBatchApiIsMadeNowWithAWarning() {
        Brief brief = validate("{\"prompt\": \"a kite\", \"model\": \"stable-diffusion\", \"priority\": \"batch\"}", null);
        assertThat(brief.priority()).isEqualTo(Priority.NOW);
        assertThat(brief.warnings()).containsExactly("priority batch was asked for, but the server of model stable-diffusion"
                + " has no Batch API: the images are made now, at the full price");
    }

    @Test
    void theModelTableSaysTheBatchDiscountAndWhichProvidersTakeBatches() {
        assertThat(MODELS.find("gpt-image-2").orElseThrow().batchFactor()).isEqualTo(0.5);
        // rows taken "like" gpt-image-2 get the table-wide discount too
        assertThat(MODELS.find("gpt-image-2.6-flare").orElseThrow().takesBatches()).isTrue();
        for (String noBatchApi : List.of("dall-e-3", "dall-e-2", "stable-diffusion")) {
            assertThat(MODELS.find(noBatchApi).orElseThrow().takesBatches()).as(noBatchApi).isFalse();
            assertThat(MODELS.find(noBatchApi).orElseThrow().batchFactor()).as(noBatchApi).isEqualTo(1.0);
        }
        assertThat(MODELS.batchesThrough("openai")).isTrue();
        assertThat(MODELS.batchesThrough("offline")).isTrue();
        assertThat(MODELS.batchesThrough("responses")).isFalse();
        assertThat(MODELS.batchesThrough("sd-webui")).isFalse();
        // a table without the batch section (a DALL·E-style server's copy) takes no batches
        assertThat(ModelTable.load("classpath:models-dalle-server.yaml").find("dall-e-3").orElseThrow().takesBatches()).isFalse();
    }
}
