package dailypapers.web;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dailypapers.TestApp;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.paper.PaperRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Moderation in a real headless Chromium, without JavaScript's help: a member reports a paper, a moderator finds it
 * in the queue and hides it with a reason, and the audit log shows the action. Screenshots land in
 * target/screenshots at 1366 and 390 px.
 */
class ModerationBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);

    @TempDir
    static Path profile;

    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        requireChromium();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        app = TestApp.start();
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
    }

    @Test
    void aMemberReportsAPaperAndAModeratorHidesItAndTheLogShowsIt() {
        PaperRecord record = paper().title("Cheap pills for better benchmarks").featuredOn(LocalDate.of(2026, 8, 20))
                .build();
        app.app().feed().papers().upsert(List.of(record));
        String id = record.paper().id().value();
        TestMember member = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        browser.manage().window().setSize(WIDE);

        signInAs(member);
        open("/papers/" + id);
        browser.findElement(By.xpath("//summary[normalize-space()='Report this paper']")).click();
        browser.findElement(By.cssSelector(".report-form input[value='spam']")).click();
        browser.findElement(By.cssSelector(".report-form textarea")).sendKeys("An advert, not a paper.");
        screenshot("moderation-report-form.png");
        browser.findElement(By.xpath("//button[normalize-space()='Send report']")).click();
        // The click returns before the answer page replaces the paper page: its h1 would be the old one.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");

        signInAs(moderator);
        open("/moderation");
        assertThat(browser.findElement(By.cssSelector(".queue-item h2")).getText()).contains("arXiv:" + id);
        assertThat(browser.findElement(By.cssSelector(".flags")).getText()).contains("Spam or advertising",
                "An advert, not a paper.");
        screenshot("moderation-queue.png");
        browser.manage().window().setSize(NARROW);
        screenshot("moderation-queue-390.png");
        browser.manage().window().setSize(WIDE);
        browser.findElement(By.cssSelector(".queue-item form.moderation-actions input[name='reason']"))
                .sendKeys("Advertising");
        browser.findElement(By.xpath("//button[normalize-space()='Hide paper']")).click();
        // The answer is /moderation again, so the URL cannot tell the pages apart: the old one's #hidden section
        // says no paper is hidden; wait for the new one's.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("hidden"), "Advertising"));
        assertThat(browser.getCurrentUrl()).endsWith("/moderation");
        assertThat(browser.findElement(By.id("hidden")).getText()).contains("arXiv:" + id, "Advertising");
        open("/moderation/log");
        assertThat(browser.findElement(By.cssSelector(".audit-log tbody tr")).getText()).contains("hide-paper",
                "arXiv:" + id, "Advertising", "@" + moderator.member().handle());
        screenshot("moderation-log.png");
        browser.manage().window().setSize(NARROW);
        screenshot("moderation-log-390.png");
        browser.manage().window().setSize(WIDE);

        browser.manage().deleteAllCookies();
        open("/papers/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hidden by a moderator");
        open("/papers/date/2026-08-20");
        assertThat(browser.getPageSource()).doesNotContain("Cheap pills");
    }

    @Test
    void theSettingsPageAndAProfileWithItsSectionsFitBothWidths() {
        PaperRecord record = paper().title("A paper worth a comment").featuredOn(LocalDate.of(2026, 8, 21)).build();
        app.app().feed().papers().upsert(List.of(record));
        TestMember member = app.member(Role.MEMBER);
        member.postForm("/papers/" + record.paper().id().value() + "/comments",
                Map.of("text", "A thoughtful remark about the ablations."));
        member.postForm("/papers/" + record.paper().id().value() + "/upvote", Map.of("action", "add"));
        member.postForm("/settings/profile", Map.of("show_upvotes", "on"));
        browser.manage().window().setSize(WIDE);
        signInAs(member);

        open("/settings");
        var profileSettings = browser.findElement(By.id("profile-heading"));
        browser.executeScript("arguments[0].scrollIntoView()", profileSettings);
        assertThat(profileSettings.isDisplayed()).isTrue();
        screenshot("settings.png");
        browser.manage().window().setSize(NARROW);
        browser.executeScript("arguments[0].scrollIntoView()", profileSettings);
        screenshot("settings-390.png");
        browser.manage().window().setSize(WIDE);

        open("/members/" + member.member().handle());
        assertThat(browser.findElements(By.cssSelector(".profile-section h2"))).extracting(e -> e.getText())
                .containsExactly("Recent comments", "Upvoted papers");
        screenshot("profile.png");
        browser.manage().window().setSize(NARROW);
        screenshot("profile-390.png");
        browser.manage().window().setSize(WIDE);
    }

    private static void signInAs(TestMember member) {
        open("/about");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, member.session().token()));
    }

    private static void open(String path) {
        browser.get(app.baseUrl() + path);
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
