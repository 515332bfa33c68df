package io.brief2image.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brief2image.base.Json;
import io.brief2image.testing.HeadlessChromium;
import io.brief2image.testing.HttpCalls;
import io.brief2image.testing.RunningApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 15, points 5 and 7, as an operator sees them in headless Chromium: a batch pending at the
 * offline provider (completion delay of two minutes) is listed on the status page with its lines,
 * status, age and expected saving; Cancel without the admin token is refused with the service's
 * sentence, with the token typed in it cancels the batch, and its briefs are made now (batch-on-expiry
 * now). A brief's prompt with markup in it arrives in the gallery as text. Leaves
 * target/status-page-batches.png behind.
 */
class BatchPanelBrowserIT {

    private static final String TOKEN = "panel-test-token";
    private static final String MARKUP = "<img src=x onerror=\"document.title='owned'\"> a slow boat";

    @TempDir
    Path root;
    @TempDir
    Path profile;
    RunningApp app;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        // a token and no loopback pass: the page must present the token as replay does
        app = new RunningApp(root).set("admin-token", TOKEN).set("admin-loopback", "false")
                .set("offline.batch-delay-seconds", "120").set("batch-max-wait", "1").start();
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
    void operatorSeesAPendingBatchWithItsSavingAndCancelsItWithTheToken() throws Exception {
        app.drop("boat.json", Json.MAPPER.createObjectNode().put("id", "boat").put("prompt", MARKUP).put("n", 1)
                .put("priority", "batch").toString());
        app.drop("kite.json", "{\"id\": \"kite\", \"prompt\": \"a red kite over a beach\", \"n\": 1, \"priority\": \"batch\"}");
        HttpCalls http = new HttpCalls(app.httpPort());
        JsonNode[] pending = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode batches = Json.MAPPER.readTree(http.get("/api/batches").body()).path("batches");
            pending[0] = batches.size() == 1 ? batches.get(0) : null;
            return pending[0] != null && pending[0].path("batch_id").asText("").startsWith("batch_")
                    && pending[0].path("lines").asInt() == 2;
        });
        JsonNode batch = pending[0];
        String id = batch.path("batch_id").asText();
        // gpt-image-2 lines cost half the synchronous price: what they save is what they are reserved at
        assertThat(batch.path("pending_lines").asInt()).isEqualTo(2);
        assertThat(batch.path("expected_cost_usd").asDouble()).isPositive();
        assertThat(batch.path("expected_saving_usd").asDouble()).isCloseTo(batch.path("expected_cost_usd").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));

        browser.get("http://127.0.0.1:" + app.httpPort() + "/");
        By row = By.cssSelector("#batches tbody tr[data-batch='" + id + "']");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(row).isEmpty());
        WebElement shown = browser.findElement(row);
        assertThat(shown.findElement(By.cssSelector("td.batch-id")).getText()).isEqualTo(id);
        assertThat(shown.findElement(By.cssSelector("td.state")).getText()).isEqualTo("submitted");
        assertThat(shown.findElement(By.cssSelector("td.status")).getText()).isIn("validating", "in_progress");
        assertThat(shown.findElement(By.cssSelector("td.lines")).getText()).isEqualTo("2");
        assertThat(shown.findElement(By.cssSelector("td.pending")).getText()).isEqualTo("2");
        assertThat(shown.findElement(By.cssSelector("td.age")).getText()).matches("\\d+ (s|min \\d+ s)");
        assertThat(shown.findElement(By.cssSelector("td.saving")).getText()).isEqualTo(money(batch.path("expected_saving_usd").asDouble()));
        assertThat(browser.findElement(By.id("batches-summary")).getText())
                .startsWith("1 open or pending · 2 lines to read · expected saving " + money(batch.path("expected_saving_usd").asDouble()));
        HeadlessChromium.save(browser, "status-page-batches.png");

        // without the token: refused, the sentence shown, the batch still pending
        shown.findElement(By.cssSelector("button.cancel")).click();
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("batch-result")).getText().startsWith("Cancel failed"));
        assertThat(browser.findElement(By.id("batch-result")).getText()).contains("needs the admin token");
        assertThat(Json.MAPPER.readTree(http.get("/api/batches").body()).path("batches").get(0).path("status").asText())
                .isIn("validating", "in_progress");

        browser.findElement(By.id("admin-token")).sendKeys(TOKEN);
        browser.findElement(row).findElement(By.cssSelector("button.cancel")).click();
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("batch-result")).getText()
                .matches("Batch " + id + ": (cancelling|cancelled)\\."));

        // cancelled, its briefs are made now and the panel empties
        JsonNode boat = app.awaitSidecars("boat", 1).get(0);
        assertThat(boat.path("priority").asText()).isEqualTo("now");
        assertThat(app.awaitSidecars("kite", 1).get(0).path("warnings").toString()).contains("its batch " + id + " cancelled");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElement(By.id("no-batches")).isDisplayed());
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector("#gallery .caption")).stream()
                .anyMatch(c -> c.getText().equals(MARKUP)));
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("brief2image status");
        // the one refusal on purpose is logged by Chromium as a failed resource; nothing else may be
        assertThat(HeadlessChromium.consoleErrors(browser).stream().filter(m -> !(m.contains("/api/batches/cancel") && m.contains("401"))))
                .as("errors in the browser console (CSP violations, script errors)").isEmpty();
    }

    /** As status.js shows money: four decimals below ten cents. */
    private static String money(double usd) {
        return "$" + String.format(Locale.ROOT, usd != 0 && Math.abs(usd) < 0.1 ? "%.4f" : "%.2f", usd);
    }
}
