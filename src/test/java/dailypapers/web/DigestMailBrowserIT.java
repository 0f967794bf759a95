package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.digest.Cadence;
import dailypapers.digest.DigestFixture;
import dailypapers.digest.Candidates;
import dailypapers.digest.Digest;
import dailypapers.digest.DigestComposer;
import dailypapers.digest.DigestSettings;
import dailypapers.digest.Schedule;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionState;
import dailypapers.digest.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A digest of the 1,000-paper sample, its HTML part opened as a file in headless Chromium at desktop and phone
 * width: screenshots under target/screenshots/digest-*.png, and nothing wider than the phone.
 */
class DigestMailBrowserIT {

    @TempDir
    static Path profile;
    @TempDir
    static Path files;

    private static TestApp app;
    private static ChromeDriver browser;
    private static Path html;
    private static final Instant UNTIL = Instant.parse("2026-08-24T07:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        BrowserIT.requireChromium();
        app = TestApp.withSample();
        try (DigestFixture fixture = new DigestFixture(app.app())) {
            Subscription ada = fixture.subscriber(UNTIL, Optional.empty(), Cadence.WEEKLY, Topic.category("cs.CV"),
                    Topic.query("diffusion"));
            // A window of two years and four papers a section: a full digest of the sample, short enough to read.
            DigestSettings settings = new DigestSettings(false, new Schedule(7), Duration.ofHours(48),
                    Duration.ofDays(90), 7, 4, DigestSettings.DEFAULTS.subscribeLimits());
            DigestComposer composer = new DigestComposer(settings, new Candidates(app.app().feed().feed(),
                    () -> app.app().search().search(), app.app().libraries().service()), fixture.digests);
            Digest digest = composer.compose(ada, UNTIL.minus(Duration.ofDays(730)), UNTIL, UNTIL);
            assertThat(digest.section(0)).hasSize(4);
            html = Files.writeString(files.resolve("digest.html"), app.app().digests().mail().html(ada, digest));
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

    /** Opens the mail at {@code width}, the window as tall as the whole mail, so the screenshot shows all of it. */
    private void open(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(html.toUri().toString());
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, (int) height + 140));
    }

    private long scrollWidth() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth;");
    }

    @Test
    void theDigestReadsAtDesktopAndPhoneWidthWithoutSidewaysScrolling() {
        open(1366);
        assertThat(browser.getTitle()).startsWith("Trending papers and 2 topics — Mon 24 Aug");
        BrowserIT.screenshot(browser, "digest-1366.png");
        long content = (Long) browser.executeScript(
                "return document.querySelector('table table').getBoundingClientRect().width;");
        assertThat(content).as("the column keeps to 600 px").isLessThanOrEqualTo(600);

        open(390);
        BrowserIT.screenshot(browser, "digest-390.png");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390);
    }

    @Test
    void theAdminPageListsCountsAndDisabledAddresses() {
        try (DigestFixture fixture = new DigestFixture(app.app())) {
            Subscription bounced = fixture.subscriber(UNTIL);
            fixture.subscriptions.setState(bounced.id(), SubscriptionState.DISABLED,
                    Optional.of("550 5.1.1 <" + bounced.email() + ">: mailbox unavailable"), UNTIL);
        }
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1400));
            browser.get(app.baseUrl() + "/admin/digests");
            assertThat(browser.getTitle()).isEqualTo("Digests — Daily Papers");
            BrowserIT.screenshot(browser, "digest-admin-" + width + ".png");
            assertThat(scrollWidth()).isLessThanOrEqualTo(width);
        }
    }
}
