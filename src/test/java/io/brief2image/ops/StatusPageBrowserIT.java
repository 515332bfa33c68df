package io.brief2image.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.testing.HeadlessChromium;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The status page as an operator sees it, in headless Chromium: the gallery shows a rendered image,
 * the dead letter is listed with its reason, Replay moves it back. Leaves target/status-page.png
 * and target/status-page-detail.png behind for a person to look at.
 */
class StatusPageBrowserIT {

    @TempDir
    Path root;
    @TempDir
    Path profile;
    RunningApp app;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        app = new RunningApp(root).start();
        app.drop("harbor.json", "{\"id\": \"harbor\", \"prompt\": \"a quiet harbor at dawn, fishing boats\", \"n\": 2, \"seed\": 11}");
        app.drop("fox.json", "{\"id\": \"fox\", \"prompt\": \"a red fox in fresh snow\", \"n\": 1, \"seed\": 5}");
        app.drop("broken.json", "{\"prompt\": \"a cat\",");
        app.awaitSidecars("harbor", 2);
        app.awaitSidecars("fox", 1);
        app.awaitDeadLetter("broken.json");
        browser = HeadlessChromium.start(profile);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void operatorSeesImagesAndDeadLettersAndReplays() throws Exception {
        browser.get("http://127.0.0.1:" + app.httpPort() + "/");

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(script(
                "const imgs = [...document.querySelectorAll('#gallery img.thumb')];"
                        + "return imgs.length === 3 && imgs.every(i => i.complete && i.naturalWidth > 0);")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(
                By.cssSelector("#dead-letters tr[data-name='broken.json'] td.reason")).isEmpty());
        WebElement reason = browser.findElement(By.cssSelector("#dead-letters tr[data-name='broken.json'] td.reason"));
        assertThat(reason.getText()).contains("not valid JSON").doesNotContain("JSON parser");
        // the technical detail is folded away below the reason until the operator opens it
        reason.findElement(By.cssSelector("details.detail summary")).click();
        assertThat(reason.findElement(By.cssSelector("details.detail code")).getText()).startsWith("JSON parser:");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("images")).getText().equals("3"));
        // the Fleet table: this one instance, marked as the one answering, with its beat
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector("#fleet tbody tr.self")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#fleet tbody tr.self td.last-beat")).getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        assertThat(browser.findElement(By.id("fleet-summary")).getText()).startsWith("1 alive · spent today $");

        browser.findElement(By.id("replay")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.id("replay-result")).getText().contains("inbox/broken.json"));
        assertThat(browser.findElement(By.id("replay-result")).getText()).startsWith("Replayed 1");
        // the page redraws at once: the moved letter leaves the table until it fails again
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("dead-letter-count")).getText().equals(
                String.valueOf(browser.findElements(By.cssSelector("#dead-letters tbody tr")).size())));
        save("status-page.png");

        browser.findElement(By.cssSelector("#gallery button.card")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(script(
                "const i = document.getElementById('detail-image');"
                        + "return document.getElementById('detail').open && i.complete && i.naturalWidth > 0;")));
        assertThat(browser.findElement(By.id("detail-prompt")).getText()).isIn("a quiet harbor at dawn, fishing boats", "a red fox in fresh snow");
        assertThat(browser.findElement(By.id("detail-seed")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("detail-image-prompt")).getText()).isNotBlank();
        save("status-page-detail.png");

        assertThat(HeadlessChromium.consoleErrors(browser)).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }

    private Object script(String code) {
        return HeadlessChromium.script(browser, code);
    }

    private void save(String name) throws Exception {
        HeadlessChromium.save(browser, name);
    }
}
