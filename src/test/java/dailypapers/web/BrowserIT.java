package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.feed.Period;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperFixtures;
import dailypapers.store.Database;
import dailypapers.store.JdbiThumbnailStore;
import dailypapers.thumbnail.FirstPageRenderer;
import dailypapers.thumbnail.TestPdfs;
import dailypapers.thumbnail.ThumbnailException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real headless Chromium: navigation a reader does every morning, and the layout at phone width.
 * Screenshots land in target/screenshots for review.
 */
class BrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The widths issue 9 names for text layout checks. */
    private static final Dimension WIDE = new Dimension(1366, 900);
    private static final Dimension NARROW = new Dimension(390, 844);
    /** A day long past, so the text fixtures below change none of the sample's current listings. */
    private static final String TEXT_DAY = "2020-01-06";
    private static final String LONG_WORD = "Supercalifragilistic".repeat(500);
    /** A card this tall has clearly not grown with a 10,000-character title or abstract word. */
    private static final int MAX_CARD_HEIGHT_PX = 420;

    @TempDir
    static Path profile;
    @TempDir
    static Path dataDirectory;

    private static TestApp app;
    private static ChromeDriver browser;
    private static String longId;
    private static String mathId;

    @BeforeAll
    static void start() throws IOException {
        requireChromium();
        Files.createDirectories(SCREENSHOTS);
        app = TestApp.withSample();
        importTextFixtures();
        browser = chromium(profile);
    }

    /** Headless Chromium with a profile of its own; other browser tests start theirs here too. */
    static ChromeDriver chromium(Path profile) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        return new ChromeDriver(options);
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
        browser.manage().window().setSize(WIDE);
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
        // A click returns before the next page may have replaced this one: wait for its address, then read it.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("/papers/date/" + previous));

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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/papers/2"));

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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("p=1"));
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
        browser.manage().window().setSize(NARROW);
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
            assertThat(innerWidth).as("viewport width").isLessThanOrEqualTo(NARROW.getWidth());
            assertThat(number("return document.documentElement.scrollWidth")).as(path)
                    .isLessThanOrEqualTo(innerWidth);
            screenshot(file);
        });
    }

    @Test
    void featuredCardsShowThumbnailsInAGridOnWideScreensAndOneColumnOnPhones() {
        Period month = Period.monthOf(app.app().feed().feed().latestFeaturedDay().orElseThrow());
        List<PaperEntry> top = app.app().feed().feed().featured(month, 0, 3).page().items();
        storeThumbnails(top);
        // Tall enough to show the placeholders below the three thumbnails.
        browser.manage().window().setSize(new Dimension(1366, 1500));
        open(Links.period(month));

        List<WebElement> cards = browser.findElements(By.cssSelector(".cards.grid > li"));
        assertThat(cards.get(1).getLocation().getY()).as("two cards side by side")
                .isEqualTo(cards.get(0).getLocation().getY());
        WebElement image = cards.get(0).findElement(By.cssSelector(".thumb img"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth === 400", image)));
        assertThat(image.getAttribute("alt")).isEmpty();
        WebElement placeholder = browser.findElement(By.cssSelector(".thumb.placeholder"));
        assertThat(placeholder.getSize()).as("a placeholder takes the image's place exactly")
                .isEqualTo(image.findElement(By.xpath("..")).getSize());
        screenshot("thumbnails-1366.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        open(Links.period(month));
        cards = browser.findElements(By.cssSelector(".cards.grid > li"));
        assertThat(cards.get(1).getLocation().getX()).as("one column").isEqualTo(cards.get(0).getLocation().getX());
        assertThat(cards.get(1).getLocation().getY()).isGreaterThan(cards.get(0).getLocation().getY());
        assertThat(number("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(number("return window.innerWidth"));
        screenshot("thumbnails-390.png");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector(".thumb.placeholder")));
        screenshot("thumbnails-390-placeholder.png");
    }

    /** Page one of each paper, rendered from a PDF made for the test, stored as the job would store it. */
    private static void storeThumbnails(List<PaperEntry> entries) {
        try (Database database = Database.open(app.app().config().database(), new SimpleMeterRegistry());
                FirstPageRenderer renderer = new FirstPageRenderer(Duration.ofSeconds(20))) {
            JdbiThumbnailStore store = new JdbiThumbnailStore(database);
            for (int i = 0; i < entries.size(); i++) {
                Paper paper = entries.get(i).paper();
                String title = paper.title().replaceAll("[^ -~]", "");
                store.save(paper.id(), renderer.render(TestPdfs.paper(
                        title.substring(0, Math.min(title.length(), 48)), i % 2 == 0)), Instant.now());
            }
        } catch (ThumbnailException e) {
            throw new AssertionError(e);
        }
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
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains("/papers/month/2026-05"));
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
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(target));
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
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/papers/2"));
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

    @Test
    void textStoredWithControlAndBidiCharactersShowsCleanedAtBothWidths() {
        ArxivId id = ArxivId.parse("2001.99999");
        app.app().feed().papers().upsert(List.of(PaperFixtures.paper().id(id.value())
                .title("Stored\u0000 before\u0007 cleaning \u202Egnp.exe").authors("Eve\u2066 Bell\u202E")
                .abstractText("An abstract\u0007 that once rang a bell \u202Etxt.exe")
                .published(LocalDate.of(2020, 1, 1)).build()));

        for (Dimension size : List.of(WIDE, NARROW)) {
            browser.manage().window().setSize(size);
            open(Links.paper(id));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stored before cleaning gnp.exe");
            assertThat(browser.getPageSource()).doesNotContain("\u0000", "\u0007", "\u202E", "\u2066");
            screenshot(size == WIDE ? "stored-text.png" : "phone-stored-text.png");
        }
    }

    @Test
    void longWordsNeitherStretchCardsNorScrollThePageSideways() {
        for (Dimension size : List.of(WIDE, NARROW)) {
            browser.manage().window().setSize(size);
            String width = String.valueOf(size.getWidth());
            Map<String, String> pages = Map.of(
                    "long-words-day-" + width + ".png", "/papers/date/" + TEXT_DAY,
                    "long-words-paper-" + width + ".png", "/papers/" + longId,
                    "long-words-author-" + width + ".png", Links.author(LONG_WORD));
            pages.forEach((file, path) -> {
                open(path);
                assertThat(number("return document.scrollingElement.scrollWidth")).as(file)
                        .isLessThanOrEqualTo(number("return window.innerWidth"));
                screenshot(file);
            });
            open("/about");
            // A region that scrolls would have to be focusable (axe: scrollable-region-focusable); the formula wraps.
            for (WebElement formula : browser.findElements(By.cssSelector(".formula"))) {
                assertThat(((Number) browser.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth",
                        formula)).longValue()).as("/about formula at " + width).isLessThanOrEqualTo(0);
            }
            browser.executeScript("document.querySelector('.formula').scrollIntoView()");
            screenshot("about-formula-" + width + ".png");
            open("/papers/date/" + TEXT_DAY);
            WebElement card = browser.findElement(
                    By.cssSelector("article[aria-labelledby='" + cardAnchor(longId) + "-title']"));
            assertThat(card.getSize().getHeight()).as("card height at " + width)
                    .isLessThanOrEqualTo(MAX_CARD_HEIGHT_PX);
        }
    }

    @Test
    void mathInTitlesAndAbstractsRendersAsMathematics() {
        for (Dimension size : List.of(WIDE, NARROW)) {
            browser.manage().window().setSize(size);
            open("/papers/date/" + TEXT_DAY);
            WebElement title = browser.findElement(By.cssSelector("#" + cardAnchor(mathId) + "-title"));
            List<WebElement> formulas = title.findElements(By.tagName("math"));

            assertThat(formulas).hasSize(2);
            // Rendered by the browser's MathML engine: the subscript sits lower than its base.
            WebElement base = formulas.getFirst().findElement(By.cssSelector("msub > mi:first-child"));
            WebElement subscript = formulas.getFirst().findElement(By.cssSelector("msub > mi:last-child"));
            assertThat(subscript.getRect().getY()).isGreaterThan(base.getRect().getY());
            assertThat(title.getText()).contains("97.3% – for").doesNotContain("\\mathcal").doesNotContain("$");
            String abstractText = browser.findElement(By.id(cardAnchor(mathId) + "-abstract")).getText();
            assertThat(abstractText).contains("$5 and $10");
            assertThat(browser.findElements(By.cssSelector(".card img"))).isEmpty();
            screenshot("math-day-" + size.getWidth() + ".png");

            open("/papers/" + mathId);
            assertThat(browser.findElements(By.cssSelector(".abstract-full math mfrac"))).hasSize(1);
            assertThat(browser.getTitle()).startsWith("\\mathcal{C}_h-Nets reach 97.3% – for \\alpha \\leq");
            screenshot("math-paper-" + size.getWidth() + ".png");
        }
    }

    /** A paper with 10,000-character words in title, abstract and author, and one full of TeX. */
    private static void importTextFixtures() {
        PageFixtures fixtures = new PageFixtures();
        ObjectNode longWords = fixtures.paper().put("title", "A " + LONG_WORD + " title")
                .put("abstract", "An abstract with " + LONG_WORD + " in it.")
                .put("published", "2020-01-03").put("hf_daily_date", TEXT_DAY);
        longWords.putArray("authors").add(LONG_WORD).add("Ada Lovelace");
        longId = longWords.get("id").asText();
        ObjectNode math = fixtures.paper()
                .put("title", "$\\mathcal{C}_h$-Nets reach 97.3\\% -- for $\\alpha \\leq \\frac{1}{2}$")
                .put("abstract", "We bound $\\sum_{i=1}^{n} x_i^2 \\le \\sqrt{n}$ and \\(\\hat{y} \\in \\mathbb{R}^d\\)"
                        + " for $5 and $10 a month; $<img src=x onerror=alert(1)>$ is escaped; "
                        + "ratio \\(\\frac{a+b}{c}\\).")
                .put("published", "2020-01-03").put("hf_daily_date", TEXT_DAY);
        math.putArray("categories").add("cs.CL").add("cs.ZZ");
        mathId = math.get("id").asText();
        app.importFile(fixtures.write(dataDirectory));
    }

    private static String cardAnchor(String id) {
        return "paper-" + id.replaceAll("[^A-Za-z0-9]", "-");
    }

    @Test
    void aMemberUpvotesWithScriptWithoutAReloadAndWithoutScriptByThePlainForm() {
        TestMember member = app.member(Role.MEMBER);
        open("/");
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, member.session().token()));
        try {
            open("/");
            WebElement first = browser.findElement(By.cssSelector(".cards .card"));
            String anchor = first.getAttribute("id");
            int before = Integer.parseInt(first.findElement(By.cssSelector("button.upvotes .count")).getText());
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
            screenshot("upvote-before.png");

            first.findElement(By.cssSelector("button.upvotes")).click();

            By pressed = By.cssSelector("#" + anchor + " button.upvotes[aria-pressed='true']");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(pressed));
            assertThat(browser.findElement(pressed).findElement(By.className("count")).getText())
                    .isEqualTo(Integer.toString(before + 1));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                    .as("the page was not reloaded").isEqualTo(true);
            screenshot("upvote-with-script.png");
            browser.manage().window().setSize(NARROW);
            screenshot("upvote-with-script-narrow.png");
            browser.manage().window().setSize(WIDE);

            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            open("/");
            browser.findElement(By.cssSelector("#" + anchor + " button.upvotes")).click();

            By unpressed = By.cssSelector("#" + anchor + " button.upvotes[aria-pressed='false']");
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(unpressed));
            assertThat(browser.getCurrentUrl()).as("back at the card").endsWith("/#" + anchor);
            assertThat(browser.findElement(unpressed).findElement(By.className("count")).getText())
                    .isEqualTo(Integer.toString(before));
            screenshot("upvote-without-script.png");
            browser.manage().window().setSize(NARROW);
            screenshot("upvote-without-script-narrow.png");
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void aMemberSubmitsAPaperAndItsCardOnTheDaySaysWhoSubmittedIt() {
        ArxivId id = ArxivId.parse("2608.07777");
        app.app().feed().papers().upsert(List.of(PaperFixtures.paper().id(id.value())
                .title("Submitted through the browser").published(LocalDate.of(2026, 8, 20)).build()));
        TestMember member = app.member(Role.MEMBER);
        signIn(member);
        try {
            open("/submit");
            browser.findElement(By.id("submit-id")).sendKeys("arXiv:2608.0777x");
            browser.findElement(By.cssSelector(".submit-form button")).click();

            assertThat(loaded(By.id("submit-id-error")).getText()).contains("That is not an arXiv id");
            WebElement field = browser.findElement(By.id("submit-id"));
            assertThat(field.getAttribute("value")).isEqualTo("arXiv:2608.0777x");
            screenshot("submit-error.png");
            field.clear();
            field.sendKeys("https://arxiv.org/abs/2608.07777v1");
            browser.findElement(By.cssSelector(".submit-form button")).click();

            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/papers/date/"));
            assertThat(browser.getCurrentUrl()).endsWith("/papers/date/2026-08-22#paper-2608-07777-title");
            WebElement card = browser.findElement(By.cssSelector("article[aria-labelledby='paper-2608-07777-title']"));
            assertThat(card.findElement(By.cssSelector(".submitted-by")).getText().replaceAll("\\s+", " "))
                    .isEqualTo("Submitted by " + member.member().displayName().value());
            screenshot("submitted-day.png");
            browser.manage().window().setSize(NARROW);
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", card);
            screenshot("submitted-day-narrow.png");
        } finally {
            browser.manage().deleteAllCookies();
            // The sample's latest featured day stays the latest for the other tests.
            app.app().submissions().submissions().submissions(member.member().id(), 1).forEach(s -> app.app()
                    .submissions().submissions().hide(s.id(), app.member(Role.ADMIN).member(), "test over"));
        }
    }

    @Test
    void aMemberClaimsAuthorshipAndAModeratorConfirmsItFromTheQueue() {
        ArxivId id = ArxivId.parse("2608.07778");
        app.app().feed().papers().upsert(List.of(PaperFixtures.paper().id(id.value())
                .title("A paper with a claimed author").authors("Grace Hopper", "Edsger Dijkstra")
                .published(LocalDate.of(2026, 8, 20)).build()));
        TestMember author = app.member(Role.MEMBER);
        TestMember moderator = app.member(Role.MODERATOR);
        try {
            signIn(author);
            open("/papers/" + id.value());
            new Select(browser.findElement(By.id("claim-author"))).selectByVisibleText("Edsger Dijkstra");
            browser.findElement(By.cssSelector(".claim-form button")).click();
            assertThat(loaded(By.cssSelector(".claim-status")).getText())
                    .isEqualTo("You claimed to be Edsger Dijkstra; a moderator will confirm or reject it.");

            signIn(moderator);
            open("/moderation/claims");
            screenshot("claims-queue.png");
            WebElement confirm = browser.findElement(By.xpath("//li[contains(@class,'claim-row')]"
                    + "[.//strong[text()='Edsger Dijkstra']]//button[starts-with(normalize-space(.),'Confirm')]"));
            confirm.click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(confirm));
            assertThat(browser.getCurrentUrl()).endsWith("/moderation/claims");

            browser.manage().deleteAllCookies();
            open("/papers/" + id.value());
            assertThat(browser.findElement(By.cssSelector(".authors .author-badge")).getText())
                    .isEqualTo("Author on Daily Papers: " + author.member().displayName().value());
            screenshot("paper-confirmed-author.png");
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    /** The element once the page that has it has loaded (after a form post, say). */
    private static WebElement loaded(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Signs the browser in as the member: their session cookie, set on the site's origin. */
    private static void signIn(TestMember member) {
        open("/about");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(SessionCookies.NAME, member.session().token()));
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
        screenshot(browser, name);
    }

    static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Browser tests need Debian's chromium and chromium-driver; CI must have them, elsewhere they are skipped. */
    static void requireChromium() {
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
