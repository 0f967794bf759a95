package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.TestPorts;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new visitor in a real headless Chromium: signs up, opens the confirmation link from the mail (GreenMail),
 * arrives signed in, signs out. Screenshots land in target/screenshots/account-*.png for review.
 */
class AccountBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);

    @TempDir
    static Path profile;
    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path downloads;

    private static GreenMail smtp;
    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        requireChromium();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = TestPorts.free();
        // The mailed link must open this server, so the port is chosen before it starts.
        app = TestApp.start(Config.load(null, Map.of(), Map.of("data.dir", dataDirectory.toString(), "database.url",
                TestDatabases.sqlite(dataDirectory).url(), "http.host", "127.0.0.1", "http.port",
                Integer.toString(port), "harvest.enabled", "false", "thumbnail.enabled", "false", "mail.smtp.host",
                "127.0.0.1", "mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()), "mail.smtp.security",
                "none", "http.base.url", "http://127.0.0.1:" + port)));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aVisitorSignsUpConfirmsFromTheMailIsSignedInAndSignsOut() throws Exception {
        browser.manage().window().setSize(NARROW);
        browser.get(app.baseUrl() + "/sign-up");
        fill("ada@example.org", "ada-lovelace", "Ada Lovelace", "short");
        browser.findElement(By.cssSelector("form.account-form button[type=submit]")).click();
        // The refused form comes back as a new page; only it has the error, and its fields are the ones to read.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("field-password-error")));
        assertThat(browser.findElement(By.id("field-password-error")).getText()).contains("10");
        assertThat(browser.findElement(By.id("field-email")).getAttribute("value")).isEqualTo("ada@example.org");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.id("field-password-error")));
        screenshot("account-sign-up-error-390.png");

        browser.manage().window().setSize(WIDE);
        browser.findElement(By.id("field-password")).sendKeys("correct horse battery");
        screenshot("account-sign-up-1366.png");
        browser.findElement(By.cssSelector("form.account-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Check your mail"));
        screenshot("account-mail-sent-1366.png");

        app.app().mail().deliverNow();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/verify\\?token=[A-Za-z0-9_-]{43}")
                .matcher(mail.getContent().toString());
        assertThat(link.find()).isTrue();
        browser.get(link.group());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your email address");
        screenshot("account-confirm-1366.png");
        browser.findElement(By.cssSelector("form.account-form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".site-account"), "Sign out"));
        assertThat(browser.findElement(By.cssSelector(".site-account")).getText()).contains("Ada Lovelace",
                "Settings", "Sign out");
        screenshot("account-signed-in-1366.png");
        browser.get(app.baseUrl() + "/settings");
        screenshot("account-settings-1366.png");
        browser.manage().window().setSize(NARROW);
        screenshot("account-settings-390.png");
        browser.manage().window().setSize(WIDE);
        downloadsTheMembersData();

        browser.findElement(By.cssSelector(".site-account form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".site-account"), "Sign up"));
        assertThat(browser.findElement(By.cssSelector(".site-account")).getText()).contains("Sign in", "Sign up")
                .doesNotContain("Ada Lovelace");
        browser.get(app.baseUrl() + "/sign-in");
        screenshot("account-sign-in-1366.png");
    }

    /** Follows the settings page's link: the browser saves the member's own data as a JSON file. */
    private static void downloadsTheMembersData() throws IOException {
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
        browser.findElement(By.linkText("Download your data")).click();
        Path file = downloads.resolve("dailypapers-ada-lovelace-2026-08-22.json");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(done -> Files.isRegularFile(file));
        JsonNode export = new ObjectMapper().readTree(Files.readString(file));
        assertThat(export.get("format").asText()).isEqualTo("dailypapers-member-data");
        assertThat(export.get("account").get("handle").asText()).isEqualTo("ada-lovelace");
        assertThat(export.get("account").get("email").asText()).isEqualTo("ada@example.org");
        assertThat(export.get("account").get("emailVerifiedAt").isTextual()).isTrue();
    }

    private static void fill(String email, String handle, String name, String password) {
        browser.findElement(By.id("field-email")).sendKeys(email);
        browser.findElement(By.id("field-handle")).sendKeys(handle);
        browser.findElement(By.id("field-displayName")).sendKeys(name);
        browser.findElement(By.id("field-password")).sendKeys(password);
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Browser tests need Debian's chromium and chromium-driver; CI must have them, elsewhere they are skipped. */
    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but " + message + " are missing");
        }
        Assumptions.abort("skipped: " + message);
    }
}
