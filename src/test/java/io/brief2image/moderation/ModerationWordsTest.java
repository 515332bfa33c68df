package io.brief2image.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The moderation categories read as words a marketing person understands, from reasons.yaml. */
class ModerationWordsTest {

    private final ModerationWords words = ModerationWords.bundled();

    @ParameterizedTest
    @CsvSource({
            "violence/graphic, graphic violence",
            "self-harm/intent, an intent to self-harm",
            "sexual/minors, sexual content involving minors",
            "harassment/threatening, threats against a person",
            "hate, hateful content",
            "illicit/violent, help with violent crime or weapons"})
    void everyCategoryOfTheApiHasPlainWords(String id, String plain) {
        assertThat(words.words(id)).isEqualTo(plain);
    }

    @Test
    void everyCategoryOfTheSpecIsInTheTable() {
        List<String> spec = List.of("hate", "hate/threatening", "harassment", "harassment/threatening", "illicit", "illicit/violent",
                "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic");
        assertThat(words.categories().keySet()).containsAll(spec);
        assertThat(words.categories().values()).noneMatch(w -> w.contains("/"));
    }

    @Test
    void aCategoryTheTableLacksStillReadsAsWords() {
        assertThat(words.words("new-kind/of_thing")).isEqualTo("new kind of thing");
    }

    @Test
    void theReasonListsEachCategoryOnceInPlainWords() {
        assertThat(words.flaggedReason(List.of("violence", "violence/graphic", "violence")))
                .startsWith("The safety check found violence and graphic violence in the image description")
                .doesNotContain("{categories}");
        assertThat(words.flaggedReason(List.of("hate", "harassment", "sexual"))).contains("hateful content, harassment and sexual content");
    }
}
