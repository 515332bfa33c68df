package io.brief2image.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.policy.GuidelinePolicy;
import io.brief2image.guidelines.policy.WorldData;
import io.brief2image.guidelines.policy.WorldData.Artist;
import io.brief2image.guidelines.policy.WorldData.PublicFigure;
import io.brief2image.guidelines.rules.FoundNameRule;
import io.brief2image.guidelines.rules.Screened;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A name someone else found (the GPT guard) is enforced with the data rules' replacement, or made
 * generic by its kind, and only where the caption spells it: the finder can never add a name.
 */
class FoundNameRuleTest {

    static GuidelinePolicy policy;
    static WorldData world;
    static FoundNameRule rule;

    @BeforeAll
    static void load() {
        policy = GuidelinePolicy.loadFrom(GuidelinePolicy.BUNDLED);
        world = WorldData.bundled().join();
        rule = new FoundNameRule(policy, GuidelinesTableTest.YEAR_2026, FoundNameRule.BUNDLED);
    }

    @Test
    void aKnownPublicFigureGetsTheDataDescription() {
        PublicFigure obama = world.publicFigures().stream().filter(f -> f.name().equals("Barack Obama")).findFirst().orElseThrow();

        Screened out = rule.enforce("Photo of Barak Obbama waving on a beach", "Barak Obbama", "person", "gpt-guard");
        // misspelt beyond the data's aliases: unknown, so made generic by kind
        assertThat(out.text()).isEqualTo("Photo of a person waving on a beach");
        assertThat(out.actions()).containsExactly(new PolicyAction("named-person", "replaced",
                "'Barak Obbama' → 'a person' (person)", "gpt-guard"));

        Screened known = rule.enforce("Photo of Barack Obama waving on a beach", "Barack Obama", "person", "gpt-guard");
        assertThat(known.text()).startsWith("Photo of ").endsWith(" waving on a beach").doesNotContain("Obama")
                .contains(obama.physique());
        assertThat(known.actions()).extracting(PolicyAction::rule, PolicyAction::by).containsExactly(
                org.assertj.core.groups.Tuple.tuple("public-figures", "gpt-guard"));
    }

    @Test
    void theDataKnowsBetterThanTheFinderWhatKindANameIs() {
        // reported as an artist, but the data knows a public figure: the figure's description
        Screened out = rule.enforce("Oil painting of Barack Obama at a desk", "Barack Obama", "artist", "gpt-guard");
        assertThat(out.actions()).extracting(PolicyAction::rule).containsExactly("public-figures");
        assertThat(out.text()).doesNotContain("Obama");
    }

    @Test
    void aRecentArtistIsDescribedAndAnUnknownOneIsRemovedWithItsLeadPhrase() {
        Artist warhol = world.artists().stream().filter(a -> a.name().equals("Andy Warhol")).findFirst().orElseThrow();
        Screened known = rule.enforce("Poster of a soup can in the style of Andy Warhol, bright", "Andy Warhol", "artist", "gpt-guard");
        assertThat(known.text()).isEqualTo("Poster of a soup can " + policy.artistPhrasing().styledTemplate().replace("{style}", warhol.style())
                + ", bright");

        Screened unknown = rule.enforce("Poster of a soup can in the style of Mirela Kovach, bright", "Mirela Kovach", "artist", "gpt-guard");
        assertThat(unknown.text()).isEqualTo("Poster of a soup can, bright");
        assertThat(unknown.actions()).containsExactly(new PolicyAction("unknown-artist", "removed",
                "'in the style of Mirela Kovach' (artist)", "gpt-guard"));
    }

    @Test
    void anArtistWhoseLastWorkIsOverTheCutOffStays() {
        Screened out = rule.enforce("Oil painting of a girl reading, in the style of Vermeer", "Vermeer", "artist", "gpt-guard");
        assertThat(out.text()).isEqualTo("Oil painting of a girl reading, in the style of Vermeer");
        assertThat(out.actions()).isEmpty();
    }

    @Test
    void aKnownCharacterGetsItsDescription() {
        WorldData.Character mickey = world.characters().stream().filter(w -> w.name().equals("Mickey Mouse")).findFirst().orElseThrow();
        Screened out = rule.enforce("Illustration of mickey mouse on a boat", "Mickey Mouse", "character", "gpt-guard");
        assertThat(out.text()).isEqualTo("Illustration of " + mickey.description() + " on a boat");
    }

    @Test
    void aNameTheCaptionDoesNotContainChangesNothing() {
        String caption = "Photo of a white lighthouse on a cliff at dawn";
        assertThat(rule.enforce(caption, "Barack Obama", "person", "gpt-guard").text()).isEqualTo(caption);
        assertThat(rule.enforce(caption, "Barack Obama", "person", "gpt-guard").actions()).isEmpty();
        // part of a longer word is not the name
        assertThat(rule.enforce("Photo of Annapurna at dawn", "Anna", "person", "gpt-guard").text()).isEqualTo("Photo of Annapurna at dawn");
        // a kind the table does not know, an empty name: nothing
        assertThat(rule.enforce("Photo of Zed at dawn", "Zed", "planet", "gpt-guard").text()).isEqualTo("Photo of Zed at dawn");
        assertThat(rule.enforce("Photo of Zed at dawn", " ", "person", "gpt-guard").actions()).isEmpty();
    }

    @Test
    void lettersMeantForTheImageStay() {
        Screened out = rule.enforce("Photo of a shop sign that reads \"Mira Okafor\" above Mira Okafor at the counter", "Mira Okafor",
                "person", "gpt-guard");
        assertThat(out.text()).isEqualTo("Photo of a shop sign that reads \"Mira Okafor\" above a person at the counter");
        assertThat(out.actions()).hasSize(1);
    }

    @Test
    void namesInUnspacedScriptsAreFoundWithTheirParticles() {
        Screened out = rule.enforce("Photo of 김민준이 웃는 모습", "김민준", "person", "gpt-guard");
        assertThat(out.text()).doesNotContain("김민준").contains("a person");
    }

    @Test
    void everyKindOfTheGuardSchemaHasGenericWords() throws Exception {
        try (var in = FoundNameRuleTest.class.getResourceAsStream("/prompts/guard.schema.json")) {
            var kinds = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
                    .at("/properties/findings/items/properties/kind/enum");
            assertThat(rule.kinds()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.StreamSupport.stream(kinds.spliterator(), false).map(k -> k.asText()).toList());
        }
    }
}
