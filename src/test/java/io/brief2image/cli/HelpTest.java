package io.brief2image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void helpListsTheCommandsAndEverySettingWithItsEnvironmentVariable() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Brief2Image.run("--help");
        } finally {
            System.setOut(original);
        }
        String help = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(help).contains("--once", "lint", "submit", "replay", "--set");
        assertThat(help).contains("BRIEF2IMAGE_IMAGES_PER_MINUTE", "BRIEF2IMAGE_BROKER_URL", "BRIEF2IMAGE_DAILY_BUDGET_USD",
                "BRIEF2IMAGE_CONCURRENCY", "OPENAI_API_KEY (or BRIEF2IMAGE_OPENAI_API_KEY)", "OPENAI_BASE_URL");
    }
}
