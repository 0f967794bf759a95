package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestMember;
import dailypapers.XssCorpus;
import dailypapers.account.AccountException;
import dailypapers.account.Role;
import dailypapers.library.Visibility;
import dailypapers.library.LibraryException;
import dailypapers.token.TokenScope;
import dailypapers.token.TokenException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The XSS corpus through every imported field (title, abstract, authors, arXiv comment, links) and the names members
 * choose (display name, collection, token), on every page that shows them, in real Chromium: no dialog fires, no
 * script but our own, no element a payload tried to add, no event-handler attribute, no script link.
 */
@Order(Order.DEFAULT + 1) // one of the suite's longest: started early (see the test configuration in pom.xml)
class XssEverywhereBrowserIT {

    private static final String DAY = "2026-08-11";

    /** Whatever a payload might have added anywhere on the page. */
    private static final String INJECTED = """
            const found = [];
            if (document.getElementById('xss')) found.push('#xss');
            for (const s of document.scripts) {
              if (!['/assets/upvote.js', '/assets/subscribe.js'].includes(s.getAttribute('src'))) {
                found.push('script ' + s.outerHTML.slice(0, 120));
              }
            }
            for (const e of document.querySelectorAll('iframe, object, embed, base, svg:not(.icon):not(.icon-sprite),'
                    + ' [style]')) {
              found.push(e.outerHTML.slice(0, 120));
            }
            for (const e of document.querySelectorAll('img')) {
              if (!(e.getAttribute('src') || '').startsWith('/thumbnails/')) found.push(e.outerHTML.slice(0, 120));
            }
            for (const e of document.querySelectorAll('*')) {
              for (const a of e.attributes) {
                if (a.name.startsWith('on')) found.push(e.tagName + ' ' + a.name);
              }
            }
            for (const a of document.querySelectorAll('a[href], form[action]')) {
              const url = a.href || a.action;
              if (/^\\s*(javascript|vbscript|data):/i.test(url)) found.push('link ' + url.slice(0, 80));
            }
            return found;""";

    @TempDir
    static Path profile;
    @TempDir
    static Path dataDirectory;

    private static TestApp app;
    private static ChromeDriver browser;
    private static final List<String> paperIds = new ArrayList<>();
    private static final List<TestMember> members = new ArrayList<>();

    @BeforeAll
    static void start() {
        BrowserIT.requireChromium();
        app = TestApp.start();
        PageFixtures fixtures = new PageFixtures();
        for (String payload : XssCorpus.payloads()) {
            ObjectNode paper = fixtures.paper().put("title", "Paper " + (paperIds.size() + 1) + " " + payload)
                    .put("abstract", payload).put("arxiv_comment", payload).put("github", payload)
                    .put("project_page", payload).put("published", DAY).put("hf_daily_date", DAY);
            paper.putArray("authors").add(payload).add("Ada Lovelace");
            paperIds.add(paper.get("id").asText());
        }
        app.importFile(fixtures.write(dataDirectory));
        for (String payload : XssCorpus.payloads()) {
            TestMember member = app.member(Role.MEMBER);
            String name = payload.length() > 40 ? payload.substring(0, 40) : payload;
            try {
                app.app().accounts().service().changeDisplayName(member.member().id(), name);
            } catch (AccountException refused) {
                // A name the rules refuse never reaches a page.
            }
            try {
                app.app().libraries().service().create(member.member().id(), name, Visibility.PUBLIC);
            } catch (LibraryException refused) {
                // As above.
            }
            try {
                app.app().tokens().service().create(member.member().id(), name, TokenScope.READ);
            } catch (TokenException refused) {
                // As above.
            }
            members.add(member);
        }
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
    void everyImportedFieldStaysInertOnListingsPaperPagesSearchAndFeeds() {
        List<String> pages = new ArrayList<>(List.of("/papers/date/" + DAY, "/papers/date/" + DAY + "?p=1",
                "/new/" + DAY, "/search?q=Paper&mode=keyword", "/feeds/daily.atom?date=" + DAY,
                "/authors/Ada%20Lovelace"));
        for (String page : pages) {
            assertInert(page);
        }
        for (String id : paperIds) {
            assertInert("/papers/" + id);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as("the payload is shown, as text")
                    .startsWith("Paper ");
        }
        BrowserIT.screenshot(browser, "xss-everywhere-paper.png");
    }

    @Test
    void everyNameAMemberChoosesStaysInertOnProfilesLibrariesAndSettings() {
        assertThat(members).as("names the rules accept reach the pages")
                .anyMatch(m -> !app.app().accounts().service().member(m.member().email().value()).orElseThrow()
                        .displayName().value().startsWith("Test "));
        for (TestMember member : members) {
            signIn(member);
            assertInert("/");
            assertInert("/members/" + member.member().handle().value());
            assertInert("/library");
            assertInert("/settings/tokens");
        }
        BrowserIT.screenshot(browser, "xss-everywhere-settings.png");
    }

    private static void assertInert(String path) {
        browser.get(app.baseUrl() + path);
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a dialog fired (" + text + ") on " + path);
        } catch (NoAlertPresentException expected) {
            // No dialog: every payload stayed text.
        }
        assertThat(browser.executeScript(INJECTED)).as(path).asList().isEmpty();
    }

    private static void signIn(TestMember member) {
        if (!browser.getCurrentUrl().startsWith(app.baseUrl())) { // a cookie is set on the page's own site
            browser.get(app.baseUrl() + "/about");
        }
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, member.session().token()));
    }
}
