package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dailypapers.TestApp;
import dailypapers.feed.Period;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium: navigation a reader does every morning, and the layout at phone width.
 * Screenshots land in target/screenshots for review.
 */
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(375, 800);
    /** The widths the navigation screenshots are reviewed at. */
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
        app = TestApp.withSample();
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

    @BeforeEach
    void desktopInLightMode() {
        browser.manage().window().setSize(DESKTOP);
        colorScheme("light");
    }

    @Test
    void readerStepsFromTodaysPapersToThePreviousDay() {
        LocalDate latest = app.app().feed().feed().latestFeaturedDay().orElseThrow();
        LocalDate previous = app.app().feed().feed().featured(Period.day(latest), 0, 1).previous().orElseThrow().from();

        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DateText.weekday(latest));
        assertThat(browser.findElements(By.cssSelector(".cards .card"))).isNotEmpty();
        screenshot("home.png");

        browser.findElement(By.cssSelector(".steps .step.previous")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/papers/date/" + previous);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DateText.weekday(previous));
        assertThat(browser.findElement(By.cssSelector(".steps .step.next")).getAttribute("href"))
                .endsWith("/papers/date/" + latest);
        screenshot("previous-day.png");
    }

    @Test
    void readerOpensAPaperFromTheListing() {
        open("/papers/month/2026-05");
        WebElement title = browser.findElement(By.cssSelector(".card-title a"));
        String text = title.getText();

        title.click();

        assertThat(browser.getCurrentUrl()).contains("/papers/2");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text);
        assertThat(browser.findElement(By.linkText("PDF")).getAttribute("href")).startsWith("https://arxiv.org/pdf/");
        assertThat(browser.findElements(By.cssSelector(".authors a"))).isNotEmpty();
        screenshot("paper.png");
    }

    @Test
    void readerSearchesFromTheHeaderBoxAndSeesMarkedWords() {
        open("/trending");
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys("video generation", Keys.ENTER);
        // Submitting a form by key does not wait for the next page, as a click on a link does.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?"));

        assertThat(browser.getCurrentUrl()).contains("/search?q=video+generation");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Results for “video generation”");
        assertThat(browser.findElements(By.cssSelector(".cards .card"))).hasSize(SearchPages.PAGE_SIZE);
        assertThat(browser.findElements(By.cssSelector(".card mark"))).isNotEmpty();
        assertThat(browser.findElement(By.id("site-search-q")).getAttribute("value")).isEqualTo("video generation");
        screenshot("search.png");

        browser.findElement(By.cssSelector(".pager a[rel=next]")).click();
        assertThat(browser.getCurrentUrl()).contains("p=1");
    }

    @Test
    void abstractExpandsAndCollapsesInPlace() {
        open("/papers/month/2026-05");
        WebElement card = browser.findElement(By.cssSelector(".card:has(.expand)"));
        WebElement abstractText = card.findElement(By.cssSelector(".abstract"));
        int clamped = abstractText.getSize().getHeight();

        card.findElement(By.cssSelector(".expand summary")).click();
        int expanded = abstractText.getSize().getHeight();
        card.findElement(By.cssSelector(".expand summary")).click();

        assertThat(expanded).isGreaterThan(clamped);
        assertThat(abstractText.getSize().getHeight()).isEqualTo(clamped);
    }

    @Test
    void pagesFitAPhoneWithoutHorizontalScrolling() {
        browser.manage().window().setSize(PHONE);
        String topPaper = Links.paper(app.app().feed().feed().trending(0, 1).items().getFirst().entry().paper().id());
        Map<String, String> pages = Map.of(
                "phone-home.png", "/",
                "phone-paper.png", topPaper,
                "phone-about.png", "/about",
                "phone-new.png", "/new?category=cs.CV",
                "phone-trending.png", "/trending",
                "phone-search.png", "/search?q=video+diffusion+transformer");
        pages.forEach((file, path) -> {
            open(path);
            long innerWidth = number("return window.innerWidth");
            assertThat(innerWidth).as("viewport width").isLessThanOrEqualTo(PHONE.getWidth());
            assertThat(number("return document.documentElement.scrollWidth")).as(path)
                    .isLessThanOrEqualTo(innerWidth);
            screenshot(file);
        });
    }

    @Test
    void readerPicksADayThenGoesThroughTheMonthCalendarToAnotherDay() {
        LocalDate picked = LocalDate.of(2026, 5, 4);
        for (Dimension size : List.of(WIDE, NARROW)) {
            String width = String.valueOf(size.getWidth());
            browser.manage().window().setSize(size);
            open("/");
            screenshot("nav-home-" + width + ".png");
            WebElement input = browser.findElement(By.id("day-picker-date"));
            assertThat(input.getAttribute("type")).isEqualTo("date");
            // The picker's own widget is the browser's; what is under test is the plain GET form behind it.
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input,
                    picked.toString());
            browser.findElement(By.cssSelector(".day-picker button")).click();
            // The form's answer is a redirect; wait for the page it leads to.
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains("/papers/date/" + picked));

            assertThat(browser.getCurrentUrl()).endsWith("/papers/date/" + picked);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DateText.weekday(picked));
            assertThat(browser.findElement(By.cssSelector(".period-tabs [aria-current=page]")).getText())
                    .isEqualTo("Day");
            assertThat(browser.findElement(By.cssSelector(".site-nav [aria-current=page]")).getText())
                    .isEqualTo("Daily");
            screenshot("nav-day-" + width + ".png");

            browser.findElement(By.linkText("Calendar of May 2026")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/papers/month/2026-05#calendar");
            WebElement calendar = browser.findElement(By.id("calendar"));
            List<WebElement> days = calendar.findElements(By.cssSelector("td.has-papers a"));
            assertThat(days).isNotEmpty();
            assertThat(days.getFirst().getAttribute("aria-label")).matches("\\d+ papers? on \\d+ May 2026");
            assertThat(number("return document.documentElement.scrollWidth")).as(width)
                    .isLessThanOrEqualTo(number("return window.innerWidth"));
            screenshot("nav-calendar-" + width + ".png");

            String target = days.getLast().getAttribute("href");
            days.getLast().click();
            assertThat(browser.getCurrentUrl()).isEqualTo(target);
        }
    }

    @Test
    void theCalendarMarksTodayAtEveryWidth() {
        LocalDate today = LocalDate.now(TestApp.FIXED_CLOCK);
        for (Dimension size : List.of(WIDE, NARROW)) {
            browser.manage().window().setSize(size);
            open(Links.calendar(Period.monthOf(today)));

            WebElement marked = browser.findElement(By.cssSelector(
                    "#calendar .day-number[aria-current=date], #calendar [aria-current=date] .day-number"));
            assertThat(marked.getText()).isEqualTo(String.valueOf(today.getDayOfMonth()));
            assertThat(marked.getCssValue("border-radius")).isEqualTo("999px");
            screenshot("nav-calendar-today-" + size.getWidth() + ".png");
        }
    }

    @Test
    void anAtomFeedOpensAsAStyledPageUnderTheContentSecurityPolicy() {
        int papers = app.app().feed().feed().featured(Period.parseMonth("2026-05"), 0, AtomFeeds.FEED_SIZE).page()
                .items().size();
        for (Dimension size : List.of(WIDE, NARROW)) {
            browser.manage().window().setSize(size);
            open("/feeds/daily.atom?month=2026-05");
            // The browser loads the XML first, then the stylesheet that turns it into a page, then site.css; the
            // entries become cards with a border once both stylesheets have applied.
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElements(By.cssSelector(
                    ".feed-entry")).stream().findFirst().filter(e -> e.getCssValue("border-top-style")
                    .equals("solid")).isPresent());

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Daily Papers — 2026-05");
            List<WebElement> entries = browser.findElements(By.cssSelector(".feed-entry"));
            assertThat(entries).hasSize(papers);
            assertThat(number("return document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(number("return window.innerWidth"));
            screenshot("feed-" + size.getWidth() + ".png");
            entries.getFirst().findElement(By.cssSelector("h2 a")).click();
            assertThat(browser.getCurrentUrl()).contains("/papers/2");
        }
    }

    @Test
    void skipLinkIsTheFirstTabStopAndShowsWhenFocused() {
        open("/");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();

        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getLocation().getY()).isGreaterThanOrEqualTo(0);
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
    }

    @Test
    void darkColorSchemeSwitchesThePalette() {
        open("/");
        String light = browser.findElement(By.tagName("body")).getCssValue("background-color");

        colorScheme("dark");
        open("/");

        assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color")).isNotEqualTo(light);
        screenshot("dark-home.png");
    }

    private static void open(String path) {
        browser.get(app.baseUrl() + path);
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    private static void colorScheme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
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
