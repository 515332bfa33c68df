package io.brief2image.expansion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** brief2image.expansion: auto follows the key; gpt and rules are what they say, key or not. */
class ExpansionModeTest {

    @ParameterizedTest
    @CsvSource({
            "auto,  true,  GPT",
            "auto,  false, RULES",
            "'',    true,  GPT",
            "'',    false, RULES",
            "gpt,   false, GPT",
            "GPT,   true,  GPT",
            "rules, true,  RULES",
            "rules, false, RULES"})
    void resolves(String setting, boolean hasKey, ExpansionMode expected) {
        assertThat(ExpansionMode.resolve(setting, hasKey)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"chatgpt", "on"})
    void unknownValuesNameTheSetting(String setting) {
        assertThatThrownBy(() -> ExpansionMode.resolve(setting, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brief2image.expansion");
    }
}
