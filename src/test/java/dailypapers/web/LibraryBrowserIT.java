package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.TestMember;
import dailypapers.account.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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
 * A member's library in a real headless Chromium, with plain form posts (the library needs no script): save a
 * paper, make a collection, put the paper in it with the picker, download its BibTeX. Screenshots at 1366 and
 * 390 px wide land in target/screenshots.
 */
class LibraryBrowserIT {

    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);

    @TempDir
    static Path profile;
    @TempDir
    static Path downloads;
    @TempDir
    static Path dataDirectory;

    private static TestApp app;
    private static ChromeDriver browser;
    private static String paperId;

    @BeforeAll
    static void start() {
        BrowserIT.requireChromium();
        System.setProperty("webdriver.chrome.driver", BrowserIT.CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserIT.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath()
                .toString(), "download.prompt_for_download", false));
        try {
            Files.createDirectories(BrowserIT.SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = TestApp.start();
        PageFixtures fixtures = new PageFixtures();
        paperId = fixtures.paper().put("title", "Attention & {Braces}: scaling $O(n^{2})$ readers").get("id")
                .asText();
        fixtures.paper();
        app.importFile(fixtures.write(dataDirectory));
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
    void aMemberSavesAPaperPutsItInACollectionAndDownloadsItsBibtex() throws Exception {
        TestMember member = app.member(Role.MEMBER);
        browser.manage().window().setSize(WIDE);
        browser.get(app.baseUrl() + "/about");
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, member.session().token()));

        browser.get(app.baseUrl() + "/papers/" + paperId);
        browser.findElement(By.cssSelector(".paper-library .save-toggle button")).click();
        wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".paper-library .save-toggle button[aria-pressed=true]")));
        screenshot("library-paper-saved");

        browser.get(app.baseUrl() + "/papers/date/2026-08-11");
        assertThat(browser.findElements(By.cssSelector(".card .save-toggle button[aria-pressed=true]"))).hasSize(1);
        screenshot("library-listing");

        browser.get(app.baseUrl() + "/library");
        browser.findElement(By.id("new-collection-name")).sendKeys("Reading group");
        browser.findElement(By.cssSelector("input[name=visibility]")).click();
        browser.findElement(By.cssSelector(".collection-form button[type=submit]")).click();
        wait(ExpectedConditions.textToBe(By.tagName("h1"), "Reading group"));
        String collectionUrl = browser.getCurrentUrl();

        browser.get(app.baseUrl() + "/papers/" + paperId);
        browser.findElement(By.cssSelector(".collection-picker summary")).click();
        browser.findElement(By.cssSelector(".collection-picker input[name=collection]")).click();
        screenshot("library-picker");
        browser.findElement(By.cssSelector(".collection-picker button[type=submit]")).click();
        // The click checked the box on this page already (:checked matches it); only the answer page has the
        // checked attribute, so wait for that before leaving, or the post could be cut short.
        wait(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".collection-picker input[name=collection][checked]")));

        browser.get(collectionUrl);
        assertThat(browser.findElements(By.cssSelector(".card-title a"))).singleElement()
                .satisfies(link -> assertThat(link.getAttribute("href")).endsWith("/papers/" + paperId));
        screenshot("library-collection");
        browser.get(app.baseUrl() + "/library");
        screenshot("library-page");

        browser.get(collectionUrl);
        browser.findElement(By.linkText("Export as BibTeX")).click();
        Path file = downloads.resolve("reading-group.bib");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Files.exists(file));
        String bibtex = Files.readString(file);
        assertThat(bibtex).contains("eprint        = {" + paperId + "}", "archivePrefix = {arXiv}",
                "title         = {{Attention \\& \\{Braces\\}: scaling $O(n^{2})$ readers}},");
        try (Stream<Path> partial = Files.list(downloads)) {
            assertThat(partial.map(Path::toString)).noneMatch(name -> name.endsWith(".crdownload"));
        }
    }

    /** Waits out the script that swaps a form for the server's answer: an element may go stale meanwhile. */
    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The current page at both widths, then back to the wide one. */
    private static void screenshot(String name) {
        try {
            for (Dimension size : new Dimension[] {WIDE, NARROW}) {
                browser.manage().window().setSize(size);
                Files.write(BrowserIT.SCREENSHOTS.resolve(name + "-" + size.getWidth() + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            }
            browser.manage().window().setSize(WIDE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
