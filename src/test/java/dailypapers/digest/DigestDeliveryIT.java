package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.mail.OutboxStore;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Due digests from the subscription to the inbox: composed into the outbox in one transaction per subscriber,
 * rendered and sent by the mail job to GreenMail, a real SMTP server on loopback. A fresh instance per test, so
 * each run sees only its own subscribers.
 */
class DigestDeliveryIT {

    private static final String SITE = "https://papers.example.org";
    /** A Monday; its papers go in Tuesday's digest. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    private GreenMail smtp;
    private TestApp app;
    private DigestFixture fixture;
    private DigestService service;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path dir = Files.createTempDirectory("dailypapers-digests");
        app = TestApp.start(Config.load(null, Map.of(), Map.of("data.dir", dir.toString(), "http.host", "127.0.0.1",
                "http.port", "0", "harvest.enabled", "false", "thumbnail.enabled", "false", "digest.enabled", "false",
                "mail.smtp.host", "127.0.0.1", "mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "mail.smtp.security", "none", "http.base.url", SITE)));
        fixture = new DigestFixture(app.app());
        service = app.app().digests().service();
    }

    @AfterEach
    void stop() {
        fixture.close();
        app.close();
        smtp.stop();
    }

    private static Instant seven(LocalDate day) {
        return day.atTime(7, 0).toInstant(ZoneOffset.UTC);
    }

    private Map<OutboxStore.State, Long> mails() {
        return app.app().mail().counts(DigestService.KIND);
    }

    @Test
    void aConfirmedSubscriberGetsTheirDigestOverSmtpInBothPartsWithTheListHeaders() throws Exception {
        PaperRecord trending = PaperFixtures.paper().featuredOn(MONDAY).upvotes(30).published(MONDAY)
                .title("Sparse attention for long documents").build();
        PaperRecord topical = PaperFixtures.paper().published(MONDAY).categories("cs.CL")
                .title("Tokenizers for low-resource languages")
                .authors("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra").build();
        fixture.papers(trending, topical);
        Subscription ada = fixture.subscriber(seven(MONDAY.plusDays(1)), Topic.category("cs.CL"));

        DigestService.Run run = service.composeDue(seven(MONDAY.plusDays(1)), () -> false);

        assertThat(run).isEqualTo(new DigestService.Run(1, 1, 2, 0));
        assertThat(mails().get(OutboxStore.State.PENDING)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).as("composing only queues").isEmpty();
        Subscription advanced = fixture.reload(ada);
        assertThat(advanced.lastDigestAt()).contains(seven(MONDAY.plusDays(1)));
        assertThat(advanced.nextDueAt()).as("the first due time after now").contains(seven(MONDAY.plusDays(2)));

        app.app().mail().deliverNow();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(ada.email());
        assertThat(mail.getSubject()).isEqualTo("Trending papers and 1 topic — Tue 2 Jun");
        assertThat(mail.getHeader("Message-ID", null)).matches("<.+@.+>");
        assertThat(mail.getSentDate()).isNotNull();
        assertThat(mail.getHeader("List-Unsubscribe", null))
                .startsWith("<" + SITE + "/digest/unsubscribe?token=" + ada.id() + ".").endsWith(">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Id", null)).isEqualTo("Daily Papers digest <digest.papers.example.org>");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        for (String part : List.of(text, html)) {
            assertThat(part).contains("Trending", "New in cs.CL", "Sparse attention for long documents",
                    "Tokenizers for low-resource languages", "Ada Lovelace, Alan Turing, Grace Hopper et al.",
                    SITE + "/papers/" + trending.paper().id().value(),
                    SITE + "/papers/" + topical.paper().id().value(),
                    SITE + "/digest/preferences?token=", SITE + "/digest/unsubscribe?token=");
        }
        assertThat(html).doesNotContain("<script", "<img", "src=").contains("max-width:600px");
        assertThat(html.indexOf("Sparse attention")).as("trending first").isLessThan(html.indexOf("Tokenizers"));
        assertThat(mails().get(OutboxStore.State.SENT)).isEqualTo(1);
    }

    @Test
    void aSecondRunFindsNothingDueAndTheNextDigestNeverRepeatsAPaper() {
        PaperRecord lateStar = PaperFixtures.paper().published(MONDAY).categories("cs.CL")
                .featuredOn(MONDAY.plusDays(1)).upvotes(12).build();
        PaperRecord tuesday = PaperFixtures.paper().published(MONDAY.plusDays(1)).categories("cs.CL").build();
        fixture.papers(lateStar, tuesday);
        Subscription ada = fixture.subscriber(seven(MONDAY.plusDays(1)), Topic.category("cs.CL"));

        assertThat(service.composeDue(seven(MONDAY.plusDays(1)), () -> false).digests()).isEqualTo(1);
        assertThat(service.composeDue(seven(MONDAY.plusDays(1)), () -> false))
                .isEqualTo(new DigestService.Run(0, 0, 0, 0));
        assertThat(fixture.digests.alreadySent(ada.id(), List.of(lateStar.paper().id()))).hasSize(1);

        DigestService.Run next = service.composeDue(seven(MONDAY.plusDays(2)), () -> false);

        assertThat(next).as("Tuesday's trending paper went out on Tuesday in cs.CL; only the new one is left")
                .isEqualTo(new DigestService.Run(1, 1, 1, 0));
        assertThat(fixture.digests.alreadySent(ada.id(), List.of(lateStar.paper().id(), tuesday.paper().id())))
                .hasSize(2);
        assertThat(mails().get(OutboxStore.State.PENDING)).isEqualTo(2);
    }

    @Test
    void anEmptyDigestIsNeitherStoredNorSentButTheSubscriptionAdvances() {
        Subscription ada = fixture.subscriber(seven(MONDAY.plusDays(1)), Topic.query("nothing matches zyzzyva"));

        DigestService.Run run = service.composeDue(seven(MONDAY.plusDays(1)), () -> false);

        assertThat(run).isEqualTo(new DigestService.Run(1, 0, 0, 0));
        assertThat(fixture.digests.counts()).isEqualTo(new DigestStore.Counts(0, 0));
        assertThat(mails().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(fixture.reload(ada).lastDigestAt()).contains(seven(MONDAY.plusDays(1)));
        assertThat(fixture.reload(ada).nextDueAt()).contains(seven(MONDAY.plusDays(2)));
    }

    @Test
    void sendAllGivesEveryConfirmedSubscriberWhatIsNewSinceTheirLastDigestAndKeepsTheirDueTimes() {
        fixture.papers(PaperFixtures.paper().featuredOn(MONDAY).upvotes(3).build());
        Instant now = seven(MONDAY.plusDays(1)).plusSeconds(3 * 3600);
        Subscription due = fixture.subscriber(seven(MONDAY.plusDays(1)));
        Subscription weekly = fixture.subscriber(seven(MONDAY.plusDays(7)), Optional.empty(), Cadence.WEEKLY);

        DigestService.Run run = service.composeAll(now);

        assertThat(run).isEqualTo(new DigestService.Run(2, 2, 2, 0));
        for (Subscription subscription : List.of(due, weekly)) {
            Subscription after = fixture.reload(subscription);
            assertThat(after.lastDigestAt()).contains(now);
            assertThat(after.nextDueAt()).isEqualTo(subscription.nextDueAt());
        }
        assertThat(service.composeAll(now.plusSeconds(60)).digests()).as("nothing new since").isZero();
    }

    @Test
    void aDigestWhoseSubscriberLeftBeforeItsTurnIsCancelledNotSent() {
        fixture.papers(PaperFixtures.paper().featuredOn(MONDAY).upvotes(3).build());
        Subscription ada = fixture.subscriber(seven(MONDAY.plusDays(1)));
        service.composeDue(seven(MONDAY.plusDays(1)), () -> false);
        fixture.subscriptions.setState(ada.id(), SubscriptionState.UNSUBSCRIBED, Optional.empty(),
                seven(MONDAY.plusDays(1)));

        app.app().mail().deliverNow();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(mails().get(OutboxStore.State.CANCELLED)).isEqualTo(1);
    }

    @Test
    void thePreviewIsTheWindowOfTheCadenceBeforeTheDayAndStoresNothing() {
        PaperRecord friday = PaperFixtures.paper().featuredOn(MONDAY.minusDays(3)).upvotes(4).build();
        PaperRecord thursday = PaperFixtures.paper().featuredOn(MONDAY.minusDays(4)).upvotes(4).build();
        fixture.papers(friday, thursday);
        Subscription ada = fixture.subscriber(seven(MONDAY.plusDays(1)));

        DigestService.Preview preview = service.preview(ada.email(), MONDAY, seven(MONDAY)).orElseThrow();

        assertThat(preview.digest().from()).as("a daily digest on Monday covers Friday to Sunday")
                .isEqualTo(seven(MONDAY.minusDays(3)));
        assertThat(preview.digest().section(Digest.TRENDING)).containsExactly(friday.paper().id());
        assertThat(fixture.digests.counts().digests()).isZero();
        assertThat(service.preview("nobody@example.org", MONDAY, seven(MONDAY))).isEmpty();
    }

    @Test
    void aRefusalDisablesAConfirmedSubscriptionButLeavesOneThatLeftMeanwhileUnsubscribed() {
        Subscription left = fixture.subscriber(seven(MONDAY.plusDays(1)));
        fixture.subscriptions.setState(left.id(), SubscriptionState.UNSUBSCRIBED, Optional.empty(),
                seven(MONDAY));
        Subscription active = fixture.subscriber(seven(MONDAY.plusDays(1)));

        app.app().digests().mail().undeliverable(left.email(), "a-digest-since-deleted", "550 5.1.1 unknown");
        app.app().digests().mail().undeliverable(active.email(), "a-digest-since-deleted", "550 5.1.1 unknown");

        assertThat(fixture.reload(left).state()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(fixture.reload(active).state()).isEqualTo(SubscriptionState.DISABLED);
        assertThat(fixture.reload(active).stateReason()).contains("550 5.1.1 unknown");
    }
}
