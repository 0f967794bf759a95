package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.TestPorts;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 10's "Done when" as one visitor in a real headless Chromium, through the pages only: sign up, confirm from
 * the mail, upvote with and without script, submit a paper, claim authorship, comment and reply, save a paper to a
 * new collection and export it as BibTeX, sign out; then a moderator hides the comment and the audit log shows it.
 * Services only store the papers and deliver the mail. Screenshots: target/screenshots/journey-&lt;db&gt;-*.png.
 */
abstract class MemberJourneyBrowserContract {

    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);
    private static final LocalDate FEATURED = LocalDate.of(2026, 8, 20);

    @TempDir
    Path profile;
    @TempDir
    Path dataDirectory;

    private final TestDatabase kind;
    private DatabaseConfig database;
    private GreenMail smtp;
    private TestApp app;
    private ChromeDriver browser;

    MemberJourneyBrowserContract(TestDatabase kind) {
        this.kind = kind;
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            kind.drop(database);
        }
    }

    @Test
    void aVisitorBecomesAMemberUsesEveryMemberFeatureAndAModeratorHidesTheirComment() throws Exception {
        BrowserIT.requireChromium();
        database = kind.open();
        start();
        ArxivId first = paper("Sparse mixtures of reading experts", FEATURED);
        ArxivId second = paper("Layer-wise early exit for small models", FEATURED);
        ArxivId unfeatured = paper("A recent paper nobody featured yet", null);
        browser = BrowserIT.chromium(profile);
        browser.manage().window().setSize(WIDE);

        signUpAndConfirm();

        open("/papers/date/" + FEATURED);
        String firstAnchor = "paper-" + first.value().replace('.', '-');
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        browser.findElement(By.cssSelector("#" + firstAnchor + " button.upvotes")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + firstAnchor + " button.upvotes[aria-pressed='true']")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("upvoted without a reload").isEqualTo(true);
        assertThat(count(firstAnchor)).isEqualTo(1);
        screenshot("03-upvote-script", true);

        String secondAnchor = "paper-" + second.value().replace('.', '-');
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            open("/papers/date/" + FEATURED);
            browser.findElement(By.cssSelector("#" + secondAnchor + " button.upvotes")).click();
            waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#" + secondAnchor + " button.upvotes[aria-pressed='true']")));
            assertThat(browser.getCurrentUrl()).endsWith("#" + secondAnchor);
            assertThat(count(secondAnchor)).isEqualTo(1);
            screenshot("04-upvote-form", false);
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }

        open("/submit");
        browser.findElement(By.id("submit-id")).sendKeys("arXiv:" + unfeatured.value());
        screenshot("05-submit", true);
        browser.findElement(By.cssSelector(".submit-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("/papers/date/" + MembersApp.TODAY));
        assertThat(browser.findElement(By.id("paper-" + unfeatured.value().replace('.', '-'))).getText())
                .contains("A recent paper nobody featured yet", "Submitted by", "Grace Hopper");
        screenshot("06-submitted", false);

        open("/papers/" + first.value());
        new Select(browser.findElement(By.id("claim-author")))
                .selectByVisibleText("Grace Hopper");
        browser.findElement(By.cssSelector(".claim-form button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".claim-status")));
        assertThat(browser.findElement(By.id("claim")).getText()).contains("Grace Hopper");
        scrollTo("claim");
        screenshot("07-claimed", false);

        open("/papers/" + first.value());
        WebElement text = browser.findElement(By.id("comment-text"));
        text.sendKeys("Does the **routing** hold at 7B?\n\nSee [the appendix](https://arxiv.org/abs/2401.09603).");
        browser.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("#comment-"));
        String commentUrl = browser.getCurrentUrl();
        long comment = Long.parseLong(commentUrl.substring(commentUrl.lastIndexOf('-') + 1));
        WebElement body = browser.findElement(By.cssSelector("#comment-" + comment + " .comment-body"));
        assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("routing");
        assertThat(body.findElement(By.tagName("a")).getAttribute("href"))
                .isEqualTo("https://arxiv.org/abs/2401.09603");
        browser.findElement(By.cssSelector("#comment-" + comment + " .comment-reply summary")).click();
        browser.findElement(By.id("reply-" + comment)).sendKeys("Answering myself: it does, see `Table 3`.");
        browser.findElement(By.cssSelector("#comment-" + comment + " .comment-reply button[type=submit]")).click();
        waitFor(driver -> !driver.getCurrentUrl().equals(commentUrl));
        assertThat(browser.findElement(By.id("comments")).getText()).contains("Answering myself", "Table 3");
        assertThat(browser.findElement(By.id("comment-" + comment)).getCssValue("border-top-style"))
                .as("the comments' styles apply (site.css parses to the end)").isEqualTo("solid");
        scrollTo("comments");
        screenshot("08-comments", true);

        open("/library");
        browser.findElement(By.id("new-collection-name")).sendKeys("Reading group");
        browser.findElement(By.cssSelector(".collection-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Reading group"));
        String collection = browser.getCurrentUrl();
        open("/papers/" + first.value());
        browser.findElement(By.cssSelector(".collection-picker summary")).click();
        browser.findElement(By.cssSelector(".collection-picker input[name=collection]")).click();
        screenshot("09-collection-picker", false);
        browser.findElement(By.cssSelector(".collection-picker button[type=submit]")).click();
        // The click checked the box on this page already (:checked matches it); only the answer page has the
        // checked attribute, so wait for that before leaving, or the post could be cut short.
        waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".collection-picker input[name=collection][checked]")));
        browser.get(collection);
        assertThat(browser.findElements(By.cssSelector(".card-title a"))).singleElement()
                .satisfies(link -> assertThat(link.getAttribute("href")).endsWith("/papers/" + first.value()));
        screenshot("10-collection", true);

        String export = browser.findElement(By.linkText("Export as BibTeX")).getAttribute("href");
        HttpResponse<String> bibtex = fetchWithBrowserCookie(export);
        assertThat(bibtex.statusCode()).isEqualTo(200);
        assertThat(bibtex.body()).contains("eprint        = {" + first.value() + "}", "archivePrefix = {arXiv}",
                "{Sparse mixtures of reading experts}");

        browser.findElement(By.cssSelector(".site-account form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".site-account"), "Sign in"));
        assertThat(browser.findElement(By.cssSelector(".site-account")).getText()).doesNotContain("Grace Hopper");
        screenshot("11-signed-out", false);

        TestMember moderator = app.member(Role.MODERATOR);
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, moderator.session().token()));
        open("/papers/" + first.value());
        browser.findElement(By.cssSelector("#comment-" + comment + " .comment-hide summary")).click();
        browser.findElement(By.id("hide-" + comment)).sendKeys("Off topic");
        scrollTo("comment-" + comment);
        screenshot("12-hide-comment", false);
        browser.findElement(By.cssSelector("#comment-" + comment + " .comment-hide button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"),
                "[hidden by a moderator: Off topic]"));

        open("/moderation/log");
        assertThat(browser.findElement(By.cssSelector(".audit-log tbody")).getText()).contains("hide-comment",
                "Off topic", "@" + moderator.member().handle());
        screenshot("13-moderation-log", true);

        browser.manage().deleteAllCookies();
        open("/papers/" + first.value());
        assertThat(browser.findElement(By.id("comments")).getText()).contains("[hidden by a moderator: Off topic]",
                "Answering myself").doesNotContain("routing");
        scrollTo("comments");
        screenshot("14-hidden-comment", true);
    }

    private void signUpAndConfirm() throws Exception {
        open("/");
        browser.findElement(By.linkText("Sign up")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Sign up"));
        browser.findElement(By.id("field-email")).sendKeys("grace@example.org");
        browser.findElement(By.id("field-handle")).sendKeys("grace-hopper");
        browser.findElement(By.id("field-displayName")).sendKeys("Grace Hopper");
        browser.findElement(By.id("field-password")).sendKeys("correct horse battery");
        screenshot("01-sign-up", true);
        browser.findElement(By.cssSelector("form.account-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Check your mail"));

        app.app().mail().deliverNow();
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/verify\\?token=[A-Za-z0-9_-]{43}")
                .matcher(smtp.getReceivedMessages()[0].getContent().toString());
        assertThat(link.find()).isTrue();
        browser.get(link.group());
        browser.findElement(By.cssSelector("form.account-form button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".site-account"), "Sign out"));
        assertThat(browser.findElement(By.cssSelector(".site-account")).getText()).contains("Grace Hopper");
        screenshot("02-signed-in", false);
    }

    private void start() throws IOException {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = TestPorts.free();
        // The mailed link must open this server, so the port is chosen before it starts.
        Map<String, String> settings = new HashMap<>(Map.of("data.dir", dataDirectory.toString(), "database.url",
                database.url(), "http.host", "127.0.0.1", "http.port", Integer.toString(port), "harvest.enabled",
                "false", "thumbnail.enabled", "false", "mail.smtp.host", "127.0.0.1", "mail.smtp.port",
                Integer.toString(smtp.getSmtp().getPort()), "mail.smtp.security", "none"));
        settings.put("http.base.url", "http://127.0.0.1:" + port);
        if (database.user() != null) {
            settings.put("database.user", database.user());
        }
        if (database.password() != null && !database.password().isEmpty()) {
            settings.put("database.password", database.password());
        }
        app = TestApp.start(Config.load(null, Map.of(), settings));
        Files.createDirectories(BrowserIT.SCREENSHOTS);
    }

    /** A recent paper the member wrote with Ada Lovelace, featured on {@code day} unless that is null. */
    private ArxivId paper(String title, LocalDate day) {
        PaperFixtures.Builder builder = PaperFixtures.paper().title(title).published(MembersApp.RECENT)
                .authors("Ada Lovelace", "Grace Hopper");
        PaperRecord record = (day == null ? builder : builder.featuredOn(day)).build();
        app.app().feed().papers().upsert(List.of(record));
        return record.paper().id();
    }

    private int count(String anchor) {
        return Integer.parseInt(browser.findElement(By.cssSelector("#" + anchor + " button.upvotes .count"))
                .getText());
    }

    private HttpResponse<String> fetchWithBrowserCookie(String url) throws IOException, InterruptedException {
        String session = browser.manage().getCookieNamed(SessionCookies.NAME).getValue();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", SessionCookies.NAME + "=" + session).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void open(String path) {
        browser.get(app.baseUrl() + path);
    }

    private void scrollTo(String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    /** Ignores stale elements: the page scripts swap a form for the server's answer while the wait looks. */
    private void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The page at 1366 px, and also at 390 px when {@code narrowToo}; back at 1366 after. */
    private void screenshot(String step, boolean narrowToo) {
        String prefix = "journey-" + kind.name().toLowerCase() + "-" + step;
        BrowserIT.screenshot(browser, prefix + "-1366.png");
        if (narrowToo) {
            browser.manage().window().setSize(NARROW);
            BrowserIT.screenshot(browser, prefix + "-390.png");
            browser.manage().window().setSize(WIDE);
        }
    }
}
