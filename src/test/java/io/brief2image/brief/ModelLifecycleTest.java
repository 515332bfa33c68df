package io.brief2image.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.brief.ModelLifecycle.RetiredModels;
import io.brief2image.base.PolicyAction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Lifecycle as table data: what a model id means on a given day (fixed clocks, not the machine's date). */
class ModelLifecycleTest {

    static final ModelTable MODELS = ModelTable.load("classpath:models.yaml");

    static Clock on(String day) {
        return Clock.fixed(LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static ModelLifecycle lifecycle(ModelTable table, String day, RetiredModels mode) {
        return new ModelLifecycle(table, on(day), mode);
    }

    @Test
    void aShutDownModelIsReplacedAndTheStepIsAPolicyEntry() throws Exception {
        ModelLifecycle.Resolved resolved = lifecycle(MODELS, "2026-12-01", RetiredModels.REPLACE).resolve("gpt-image-1");
        assertThat(resolved.model().id()).isEqualTo("gpt-image-2");
        assertThat(resolved.policy()).containsExactly(
                new PolicyAction("model-retired", "replaced", "gpt-image-1 was shut down on 2026-10-23 → gpt-image-2"));
        assertThat(resolved.warnings()).isEmpty();
    }

    @Test
    void everyRetiredModelOfTheTableEndsOnAServedModel() throws Exception {
        ModelLifecycle today = lifecycle(MODELS, "2026-12-01", RetiredModels.REPLACE);
        for (String id : new String[] {"gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "chatgpt-image-latest", "dall-e-2", "dall-e-3"}) {
            assertThat(today.resolve(id).model().id()).as(id).isEqualTo("gpt-image-2");
        }
        for (String id : new String[] {"gpt-image-2", "gpt-image-2-2026-04-21", "gpt-image-2.6-sunburst", "gpt-image-2.6-flare"}) {
            assertThat(today.resolve(id).model().id()).as(id).isEqualTo(id);
            assertThat(today.resolve(id).policy()).as(id).isEmpty();
        }
    }

    @Test
    void theShutdownDayItselfIsAlreadyRetired() throws Exception {
        assertThat(lifecycle(MODELS, "2026-11-30", RetiredModels.REPLACE).resolve("gpt-image-1.5").model().id()).isEqualTo("gpt-image-1.5");
        assertThat(lifecycle(MODELS, "2026-12-01", RetiredModels.REPLACE).resolve("gpt-image-1.5").model().id()).isEqualTo("gpt-image-2");
    }

    @Test
    void aShutdownWithinThirtyDaysIsWarnedAboutAndOneFurtherIsNot() throws Exception {
        assertThat(lifecycle(MODELS, "2026-11-20", RetiredModels.REPLACE).resolve("gpt-image-1.5").warnings()).containsExactly(
                "Model gpt-image-1.5 shuts down on 2026-12-01 (in 11 days): briefs naming it will then be rendered on gpt-image-2.");
        assertThat(lifecycle(MODELS, "2026-11-01", RetiredModels.REPLACE).resolve("gpt-image-1.5").warnings()).hasSize(1);
        assertThat(lifecycle(MODELS, "2026-10-31", RetiredModels.REPLACE).resolve("gpt-image-1.5").warnings()).isEmpty();
        assertThat(lifecycle(MODELS, "2026-11-20", RetiredModels.REJECT).resolve("gpt-image-1.5").warnings().get(0))
                .endsWith("briefs naming it will then be refused, so name gpt-image-2 instead.");
    }

    @Test
    void rejectModeRefusesAShutDownModelNamingItsReplacement() {
        assertThatThrownBy(() -> lifecycle(MODELS, "2026-12-01", RetiredModels.REJECT).resolve("dall-e-3"))
                .isInstanceOf(ModelLifecycle.Refused.class)
                .hasMessage("The model is 'dall-e-3', a model that was shut down on 2026-05-12: name gpt-image-2 instead,"
                        + " or set retired-models=replace to render such briefs on it.")
                .satisfies(refused -> assertThat(((ModelLifecycle.Refused) refused).sentence("The column 'model'"))
                        .startsWith("The column 'model' is 'dall-e-3', a model that was shut down on 2026-05-12: name gpt-image-2"));
    }

    @Test
    void replacementChainsAreFollowedToAServedModelOneEntryPerStep() throws Exception {
        ModelTable chain = ModelTable.load("classpath:models-lifecycle-chain.yaml");
        ModelLifecycle.Resolved resolved = lifecycle(chain, "2026-12-01", RetiredModels.REPLACE).resolve("old-a");
        assertThat(resolved.model().id()).isEqualTo("new-c");
        assertThat(resolved.policy()).extracting(PolicyAction::detail).containsExactly(
                "old-a was shut down on 2026-01-01 → old-b", "old-b was shut down on 2026-06-01 → new-c");
        // before old-b's shutdown the chain stops there
        assertThat(lifecycle(chain, "2026-03-01", RetiredModels.REPLACE).resolve("old-a").model().id()).isEqualTo("old-b");
        assertThatThrownBy(() -> lifecycle(chain, "2026-12-01", RetiredModels.REJECT).resolve("old-a"))
                .hasMessageContaining("name new-c instead");
    }

    @Test
    void aTableWhoseReplacementsLoopIsRefusedAtLoad() {
        assertThatThrownBy(() -> ModelTable.load("classpath:models-lifecycle-loop.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replacements loop: loop-a → loop-b → loop-a");
    }

    @Test
    void theDefaultModelIsServedAndTheNewModelsTakeItsFields() {
        ModelSpec two = MODELS.find("gpt-image-2").orElseThrow();
        assertThat(two.shutdown()).isNull();
        ModelSpec sunburst = MODELS.find("gpt-image-2.6-sunburst").orElseThrow();
        assertThat(sunburst.released()).isEqualTo(LocalDate.parse("2026-11-04"));
        assertThat(sunburst.fields()).isEqualTo(two.fields());
        assertThat(sunburst.sizeRules()).isEqualTo(two.sizeRules());
        assertThat(MODELS.find("chatgpt-image-latest").orElseThrow().shutdown()).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void theModelSettingNoticesSayWhatHappensToBriefsWithoutAModel() {
        assertThat(ModelNotices.forDefault(lifecycle(MODELS, "2026-12-01", RetiredModels.REPLACE), "gpt-image-1")).containsExactly(
                "The model setting names gpt-image-1, which was shut down on 2026-10-23: briefs without a model are rendered on"
                        + " gpt-image-2; set brief2image.model=gpt-image-2 to say so.");
        assertThat(ModelNotices.forDefault(lifecycle(MODELS, "2026-12-01", RetiredModels.REJECT), "gpt-image-1")).containsExactly(
                "The model setting is 'gpt-image-1', a model that was shut down on 2026-10-23: name gpt-image-2 instead, or set"
                        + " retired-models=replace to render such briefs on it. Until it is changed, briefs without a model are dead-lettered.");
        assertThat(ModelNotices.forDefault(lifecycle(MODELS, "2026-12-01", RetiredModels.REPLACE), "gpt-image-2")).isEmpty();
        assertThat(ModelNotices.forDefault(lifecycle(MODELS, "2026-11-25", RetiredModels.REPLACE), "gpt-image-1-mini"))
                .containsExactly("Model gpt-image-1-mini shuts down on 2026-12-01 (in 6 days): briefs naming it will then be rendered on gpt-image-2.");
    }
}
