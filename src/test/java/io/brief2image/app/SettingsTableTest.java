package io.brief2image.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brief2image.app.SettingsTable.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings table is the one source: every key typed and described, resolved in the service's order, in the README. */
class SettingsTableTest {

    private static final List<String> TYPES = List.of("folder", "text", "secret", "url", "location", "whole", "number");

    @Test
    void everyKeyOfApplicationPropertiesIsInTheTableWithATypeAndADescription() throws IOException {
        Properties file = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            file.load(in);
        }
        List<String> keys = file.stringPropertyNames().stream().filter(k -> k.startsWith("brief2image.")).sorted().toList();
        List<Setting> table = SettingsTable.packaged().all();
        assertThat(table).extracting(Setting::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(table).allSatisfy(s -> {
            assertThat(s.description()).as(s.key()).isNotBlank();
            assertThat(TYPES.contains(s.type()) || s.choices().size() > 1).as(s.key() + " type " + s.type()).isTrue();
        });
        assertThat(SettingsTable.packaged().find("brief2image.openai-api-key").orElseThrow())
                .extracting(Setting::env, Setting::alias, Setting::defaultValue, Setting::type)
                .containsExactly("BRIEF2IMAGE_OPENAI_API_KEY", "OPENAI_API_KEY", "", "secret");
    }

    @Test
    void aKeyWithoutItsTypeAndDescriptionLineIsRefusedNamingIt() {
        assertThatThrownBy(() -> SettingsTable.parse(List.of("# a comment, but not [type] first", "brief2image.x=1")))
                .hasMessageContaining("brief2image.x").hasMessageContaining("# [type] what it means");
    }

    @Test
    void theReadmeTableNamesEverySettingsVariable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(SettingsTable.packaged().all()).allSatisfy(s -> assertThat(readme).as(s.key()).contains("`" + s.env() + "`"));
    }

    @Test
    void theEnvironmentWinsOverDashDWhichWinsOverSetWhichWinsOverTheDefault() {
        Properties system = new Properties();
        system.setProperty("brief2image.concurrency", "3");
        system.setProperty("brief2image.max-attempts", "4");
        Map<String, String> set = Map.of("brief2image.concurrency", "5", "brief2image.max-attempts", "5", "brief2image.request-timeout", "5");
        Map<String, String> env = Map.of("BRIEF2IMAGE_CONCURRENCY", "2");

        Settings.Limits limits = Settings.from(SettingValues.resolve(set, system, env)).limits();

        assertThat(limits.concurrency()).isEqualTo(2);
        assertThat(limits.maxAttempts()).isEqualTo(4);
        assertThat(limits.requestTimeoutSeconds()).isEqualTo(5);
        assertThat(limits.imagesPerMinute()).isZero();
    }

    @Test
    void openAiVariablesGiveTheKeyAndBaseUrlUnlessTheBrief2ImageOnesAreSet() {
        Map<String, String> openAi = Map.of("OPENAI_API_KEY", "sk-a", "OPENAI_BASE_URL", "http://local:1/v1/");
        Settings.Provider provider = Settings.from(SettingValues.resolve(Map.of(), new Properties(), openAi)).provider();
        assertThat(provider.apiKey()).isEqualTo("sk-a");
        assertThat(provider.baseUrl()).isEqualTo("http://local:1/v1");
        assertThat(provider.effective()).isEqualTo("openai");
        assertThat(provider.toString()).doesNotContain("sk-a");

        Map<String, String> both = Map.of("OPENAI_API_KEY", "sk-a", "BRIEF2IMAGE_OPENAI_API_KEY", "sk-b");
        assertThat(Settings.from(SettingValues.resolve(Map.of("brief2image.openai-api-key", "sk-c"), new Properties(), both))
                .provider().apiKey()).isEqualTo("sk-b");
        assertThat(Settings.from(SettingValues.resolve(Map.of("brief2image.openai-api-key", "sk-c"), new Properties(), Map.of("OPENAI_API_KEY", "sk-a")))
                .provider().apiKey()).isEqualTo("sk-c");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsVariableAndWhatItTakes() {
        assertThatThrownBy(() -> SettingValues.resolve(Map.of(), new Properties(), Map.of("BRIEF2IMAGE_CONCURRENCY", "eight")))
                .hasMessage("setting brief2image.concurrency (BRIEF2IMAGE_CONCURRENCY) must be a whole number, got 'eight'");
        assertThatThrownBy(() -> SettingValues.resolve(Map.of("brief2image.provider", "dalle"), new Properties(), Map.of()))
                .hasMessageContaining("brief2image.provider").hasMessageContaining("one of auto, openai, responses, sd-webui, offline");
        assertThatThrownBy(() -> SettingValues.resolve(Map.of("brief2image.daily-budget-usd", "5 dollars"), new Properties(), Map.of()))
                .hasMessageContaining("must be a number");
    }

    @Test
    void setPairsThatAreNoSettingGoToCamelAndTheMistypedOnesAreNamed() {
        SettingValues values = SettingValues.resolve(Map.of("brief2image.concurrancy", "4", "camel.main.name", "x"), new Properties(), Map.of());
        assertThat(values.unknown()).containsExactly("brief2image.concurrancy");
        assertThat(values.extra()).containsEntry("camel.main.name", "x");
        assertThat(values.asProperties()).containsEntry("brief2image.concurrency", "8").doesNotContainKey("brief2image.concurrancy");
    }
}
