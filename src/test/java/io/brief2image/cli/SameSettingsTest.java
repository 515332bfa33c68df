package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.brief2image.app.SettingValues;
import io.brief2image.app.Settings;
import io.brief2image.testing.RunningApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint (and submit, replay) resolve every setting as the service does: one loader, one order. */
class SameSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aSettingGivenByTheEnvironmentAndBySetIsTheSameInLintAndTheService() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BRIEF2IMAGE_MODEL", "gpt-image-2-2026-04-21");
        env.put("BRIEF2IMAGE_EXPANSION", "rules");
        try (RunningApp app = new RunningApp(dir.resolve("service")).set("model", "gpt-image-2").set("concurrency", "3")) {
            app.env("BRIEF2IMAGE_MODEL", "gpt-image-2-2026-04-21").env("BRIEF2IMAGE_EXPANSION", "rules").start();
            Settings service = app.bean("settings", Settings.class);
            assertThat(service.models().model()).isEqualTo("gpt-image-2-2026-04-21");
            assertThat(app.context().resolvePropertyPlaceholders("{{brief2image.model}}")).isEqualTo("gpt-image-2-2026-04-21");
            assertThat(app.context().resolvePropertyPlaceholders("{{brief2image.consumers}}")).isEqualTo("5");

            Settings lint = Settings.from(SettingValues.resolve(app.settings(), System.getProperties(), env));
            assertThat(lint).isEqualTo(service);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Path brief = Files.writeString(dir.resolve("poster.json"), "{\"prompt\": \"a lighthouse at dawn\"}");
            new Lint(new PrintStream(out, true, StandardCharsets.UTF_8), lint, Clock.systemUTC()).run(java.util.List.of(brief));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("model gpt-image-2-2026-04-21");
        }
    }

    @Test
    void dashDWinsOverSetOnTheCommandLineAsInTheService() throws Exception {
        Path brief = Files.writeString(dir.resolve("poster.json"), "{\"prompt\": \"a lighthouse at dawn\"}");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("brief2image.model", "gpt-image-2-2026-04-21");
        System.setProperty("brief2image.expansion", "rules");
        try (RunningApp app = new RunningApp(dir.resolve("service")).set("model", "gpt-image-2")) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = Brief2Image.run("--set", "model=gpt-image-2", "lint", "--set", "retired-models=reject", brief.toString());
            System.setOut(original);
            assertThat(exit).isZero();
            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("model gpt-image-2-2026-04-21");

            app.start();
            assertThat(app.bean("settings", Settings.class).models().model()).isEqualTo("gpt-image-2-2026-04-21");
        } finally {
            System.setOut(original);
            System.clearProperty("brief2image.model");
            System.clearProperty("brief2image.expansion");
        }
    }
}
