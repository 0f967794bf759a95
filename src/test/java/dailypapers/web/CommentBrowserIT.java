package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.TestMember;
import dailypapers.XssCorpus;
import dailypapers.account.Role;
import dailypapers.comment.CommentSettings;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Comments in real Chromium: every payload of the XSS corpus typed into the comment form and posted stays inert
 * (no dialog, no script but the site's own file, no element or attribute it tried to add), and a thread with replies, a deleted and a
 * hidden comment and a refused form reads well on a desktop and a phone. Screenshots in target/screenshots.
 */
@Order(Order.DEFAULT + 1) // one of the suite's longest: started early (see the test configuration in pom.xml)
class CommentBrowserIT {

    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);

    /** Whatever a payload might have added to the page, in the comments section or anywhere. */
    private static final String INJECTED = """
            const found = [];
            if (document.getElementById('xss')) found.push('#xss');
            for (const s of document.scripts) {
              if (!['/assets/upvote.js', '/assets/subscribe.js'].includes(s.getAttribute('src'))) {
                found.push('script ' + s.outerHTML.slice(0, 120));
              }
            }
            const section = document.querySelector('.comments');
            for (const e of section.querySelectorAll('img, svg, math, iframe, object, embed, style, link, meta, base,'
                    + ' script, form:not([method=post]), input:not([type=hidden]):not([name=reason]), [style]')) {
              found.push(e.outerHTML.slice(0, 120));
            }
            for (const e of section.querySelectorAll('*')) {
              for (const a of e.attributes) {
                if (a.name.startsWith('on')) found.push(e.tagName + ' ' + a.name);
              }
            }
            for (const a of section.querySelectorAll('.comment-body a')) {
              if (!/^(https?|mailto):/.test(a.href)) found.push('link ' + a.href);
            }
            return found;""";

    @TempDir
    static Path profile;
    @TempDir
    static Path dataDirectory;

    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        BrowserIT.requireChromium();
        // Every payload is one comment: the member's limit must let the whole corpus through.
        app = TestApp.start(new Config(dataDirectory, TestDatabases.sqlite(dataDirectory), "127.0.0.1", 0)
                .withComments(new CommentSettings(1_000, 1_000, Duration.ofMinutes(10))));
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
    }

    @Test
    void everyPayloadTypedIntoTheCommentFormStaysInert() {
        browser.manage().window().setSize(WIDE);
        ArxivId paper = paper("Payloads go in here");
        signIn(app.member(Role.MEMBER));
        List<String> payloads = XssCorpus.payloads();
        browser.get(app.baseUrl() + Links.paper(paper));
        for (String payload : payloads) {
            // Each comment posted lands on the paper's page again, at the new comment, with the form for the next.
            String before = browser.getCurrentUrl();
            WebElement text = browser.findElement(By.id("comment-text"));
            text.sendKeys(payload);
            text.submit();
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(payload)
                    .until(ExpectedConditions.and(ExpectedConditions.urlContains("#comment-"),
                            ExpectedConditions.not(ExpectedConditions.urlToBe(before))));
            assertNoDialog(payload);
        }

        browser.get(app.baseUrl() + Links.paper(paper));
        assertNoDialog("the page with every payload");
        assertThat(browser.findElements(By.cssSelector(".comment-body"))).hasSize(payloads.size());
        assertThat(browser.executeScript(INJECTED)).asList().isEmpty();
        browser.executeScript("document.getElementById('comments').scrollIntoView()");
        BrowserIT.screenshot(browser, "comments-xss-1366.png");
        browser.manage().window().setSize(NARROW);
        browser.executeScript("document.getElementById('comments').scrollIntoView()");
        BrowserIT.screenshot(browser, "comments-xss-390.png");
        assertNoDialog("the page at phone width");
    }

    @Test
    void aThreadWithRepliesDeletedAndHiddenCommentsReadsWellOnADesktopAndAPhone() {
        ArxivId paper = paper("A paper with a discussion");
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        String comments = Links.paper(paper) + "/comments";
        long first = id(ada.postForm(comments, Map.of("text", "Does the **ablation** in Table 3 hold at 7B?\n\n"
                + "> we observe consistent gains\n\nSee [the appendix](https://arxiv.org/abs/2401.09603).")));
        long reply = id(bob.postForm(comments, Map.of("text", "It does: `lr=3e-4`, see\n\n- run A\n- run B",
                "parent", Long.toString(first))));
        long deep = reply;
        for (int depth = 2; depth <= 6; depth++) {
            deep = id((depth % 2 == 0 ? ada : bob).postForm(comments, Map.of("text", "Reply at depth " + depth,
                    "parent", Long.toString(deep))));
        }
        long deleted = id(bob.postForm(comments, Map.of("text", "I will delete this")));
        bob.postForm(comments, Map.of("text", "A reply that keeps the deleted one", "parent",
                Long.toString(deleted)));
        bob.postForm("/comments/" + deleted + "/delete", Map.of());
        long spam = id(bob.postForm(comments, Map.of("text", "Buy cheap pills")));
        moderator.postForm("/comments/" + spam + "/hide", Map.of("reason", "spam"));
        ada.postForm("/comments/" + first + "/edit", Map.of("text", "Does the **ablation** in Table 3 hold at "
                + "7B and 13B?\n\n> we observe consistent gains"));

        signIn(ada);
        for (Dimension size : List.of(WIDE, NARROW)) {
            browser.manage().window().setSize(size);
            browser.get(app.baseUrl() + Links.paper(paper) + "#comments");
            assertThat(browser.findElement(By.id("comment-" + first)).getText()).contains("edited");
            assertThat(browser.findElement(By.id("comments")).getText()).contains("[deleted]",
                    "[hidden by a moderator: spam]").doesNotContain("Buy cheap pills", "I will delete this");
            long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(pageWidth).isLessThanOrEqualTo(size.getWidth());
            BrowserIT.screenshot(browser, "comments-thread-" + size.getWidth() + ".png");
        }

        browser.manage().window().setSize(NARROW);
        browser.get(app.baseUrl() + Links.paper(paper));
        WebElement text = browser.findElement(By.id("comment-text"));
        text.sendKeys("x".repeat(10_001));
        text.submit();
        // submit() returns before the refused form's page replaces this one; only that page has the error.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("comment-text-error")));
        assertThat(browser.findElement(By.id("comment-text-error")).getText()).contains("at most 10,000");
        assertThat(browser.findElement(By.id("comment-text")).getAttribute("value")).hasSize(10_001);
        browser.executeScript("document.getElementById('comment-text-error').scrollIntoView({block: 'center'})");
        BrowserIT.screenshot(browser, "comments-refused-390.png");
    }

    private static void signIn(TestMember member) {
        browser.get(app.baseUrl() + "/about");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, member.session().token()));
    }

    private static void assertNoDialog(String what) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a dialog fired (" + text + ") for: " + what);
        } catch (NoAlertPresentException expected) {
            // No dialog: the payload stayed text.
        }
    }

    private static ArxivId paper(String title) {
        PaperRecord record = PaperFixtures.paper().title(title).build();
        app.app().feed().papers().upsert(List.of(record));
        return record.paper().id();
    }

    private static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('-') + 1));
    }
}
