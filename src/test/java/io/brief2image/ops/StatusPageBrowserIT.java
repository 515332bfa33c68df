package io.brief2image.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brief2image.testing.RunningApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The status page as an operator sees it, in headless Chromium: the gallery shows a rendered image,
 * the dead letter is listed with its reason, Replay moves it back. Leaves target/status-page.png
 * and target/status-page-detail.png behind for a person to look at.
 */
class StatusPageBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    Path root;
    @TempDir
    Path profile;
    RunningApp app;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(CHROMIUM.canExecute(), "no /usr/bin/chromium (apt-get install -y chromium chromium-driver)");
        app = new RunningApp(root).start();
        app.drop("harbor.json", "{\"id\": \"harbor\", \"prompt\": \"a quiet harbor at dawn, fishing boats\", \"n\": 2, \"seed\": 11}");
        app.drop("fox.json", "{\"id\": \"fox\", \"prompt\": \"a red fox in fresh snow\", \"n\": 1, \"seed\": 5}");
        app.drop("broken.json", "{\"prompt\": \"a cat\",");
        app.awaitSidecars("harbor", 2);
        app.awaitSidecars("fox", 1);
        app.awaitDeadLetter("broken.json");
        browser = chromium();
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

        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("favicon.ico"))
                .toList();
        assertThat(problems).as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void save(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The Debian Chromium and its driver, named explicitly so Selenium Manager never downloads a browser. */
    private ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1300", "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
