package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.TestPorts;
import dailypapers.digest.DigestFixture;
import dailypapers.digest.Subscription;
import dailypapers.paper.PaperFixtures;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor in a real headless Chromium subscribes from the header of the home page, opens the confirmation link
 * from the mail (GreenMail), confirms, chooses topics on their preferences page, and receives the next digest,
 * with its trending and topic sections, when it is due. Screenshots land in
 * target/screenshots/digest-*.png for review.
 */
class SubscriptionBrowserIT {

    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);

    @TempDir
    static Path profile;
    @TempDir
    static Path dataDirectory;

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
        app = TestApp.start(Config.load(null, Map.of(), Map.ofEntries(Map.entry("data.dir", dataDirectory.toString()),
                Map.entry("database.url", TestDatabases.sqlite(dataDirectory).url()),
                Map.entry("http.host", "127.0.0.1"), Map.entry("http.port", Integer.toString(port)),
                Map.entry("harvest.enabled", "false"), Map.entry("thumbnail.enabled", "false"),
                Map.entry("digest.enabled", "false"), Map.entry("mail.smtp.host", "127.0.0.1"),
                Map.entry("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort())),
                Map.entry("mail.smtp.security", "none"), Map.entry("http.base.url", "http://127.0.0.1:" + port))));
        app.importFile(TestData.sample());
        Files.createDirectories(BrowserIT.SCREENSHOTS);
        browser = BrowserIT.chromium(profile);
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
    void aVisitorSubscribesFromTheHeaderConfirmsFromTheMailAndGetsTheNextDigest() throws Exception {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        browser.manage().window().setSize(NARROW);
        browser.get(app.baseUrl() + "/");
        screenshot("digest-header-390.png");
        browser.manage().window().setSize(WIDE);
        browser.get(app.baseUrl() + "/");
        screenshot("digest-header-1366.png");
        assertThat(browser.findElement(By.cssSelector("form.subscribe input[name=zone]")).getAttribute("value"))
                .as("subscribe.js put the browser's zone in").isEqualTo("Asia/Tokyo");

        browser.findElement(By.id("subscribe-email")).sendKeys("grace@example.org");
        browser.findElement(By.cssSelector("form.subscribe button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Check your inbox"));
        screenshot("digest-check-inbox-1366.png");

        app.app().mail().deliverNow();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/digest/confirm\\?token=[0-9.]+[A-Za-z0-9_-]{43}")
                .matcher(text(mail));
        assertThat(link.find()).isTrue();
        browser.get(link.group());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your subscription");
        screenshot("digest-confirm-1366.png");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                "You are subscribed"));
        assertThat(browser.findElement(By.cssSelector("main .lead")).getText())
                .contains("grace@example.org gets Daily Papers digests every weekday morning", "(Asia/Tokyo)");
        screenshot("digest-subscribed-1366.png");

        browser.findElement(By.linkText("Change your topics or time zone")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Your digest preferences"));
        browser.findElement(By.id("field-categories")).sendKeys("cs.CL, cs.LG");
        browser.findElement(By.id("field-authors")).sendKeys("Ada Lovelace");
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("digest-preferences-1366.png");
        browser.manage().window().setSize(NARROW);
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("digest-preferences-390.png");
        browser.findElement(By.cssSelector("form.digest-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main"), "Your preferences are saved."));
        assertThat(browser.findElement(By.id("field-categories")).getAttribute("value")).isEqualTo("cs.CL, cs.LG");
        assertThat(browser.findElement(By.id("field-zone")).getAttribute("value")).as("the browser's zone")
                .isEqualTo("Asia/Tokyo");
        // The next digest, composed when it is due and sent by the mail job, has its trending and topic sections.
        LocalDate friday = LocalDate.of(2026, 8, 21);
        try (DigestFixture fixture = new DigestFixture(app.app())) {
            fixture.papers(PaperFixtures.paper().featuredOn(friday).published(friday).upvotes(400)
                    .title("Sparse attention for very long documents").build(),
                    PaperFixtures.paper().published(friday).categories("cs.CL")
                            .title("A tokenizer for low-resource languages").build());
            // Its due time comes: the app's clock stands still, so the due time is brought to it.
            Subscription grace = fixture.subscriptions.findByEmail("grace@example.org").orElseThrow();
            Instant now = TestApp.FIXED_CLOCK.instant();
            fixture.subscriptions.confirm(grace.id(), now, now);
            assertThat(app.app().digests().service().composeDue(now, () -> false).digests()).isOne();
        }
        app.app().mail().deliverNow();
        MimeMessage[] received = smtp.getReceivedMessages();
        MimeMessage digest = received[received.length - 1];
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo("grace@example.org");
        assertThat(digest.getSubject()).startsWith("Trending papers and 1 topic");
        assertThat(text(digest)).contains("Trending", "Sparse attention for very long documents", "New in cs.CL",
                "A tokenizer for low-resource languages");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        browser.get(app.baseUrl() + "/digest/preferences?token=1.2.not-a-token");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not valid");
        screenshot("digest-invalid-link-390.png");
        browser.manage().window().setSize(WIDE);
    }

    private static String text(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no text part");
    }

    private static void screenshot(String name) {
        try {
            Files.write(BrowserIT.SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Browser tests need Debian's chromium and chromium-driver; CI must have them, elsewhere they are skipped. */
    private static void requireChromium() {
        if (Files.isExecutable(BrowserIT.CHROMIUM) && Files.isExecutable(BrowserIT.CHROMEDRIVER)) {
            return;
        }
        String message = "browser tests need " + BrowserIT.CHROMIUM + " and " + BrowserIT.CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but " + message + " are missing");
        }
        Assumptions.abort("skipped: " + message);
    }
}
