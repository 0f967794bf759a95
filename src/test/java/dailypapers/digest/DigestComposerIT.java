package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.search.EmbeddingJob;
import dailypapers.search.HashingEncoder;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composition rules on the real stores and search index (with a small deterministic embedding model for "more
 * like my library"). Each test works in a week of its own, so trending and topics see only its papers; the
 * subscriptions are in memory, since composing stores nothing.
 */
class DigestComposerIT {

    private static final int SECTION_SIZE = 3;
    private static final DigestSettings SETTINGS = new DigestSettings(false, new Schedule(7), Duration.ofHours(48),
            Duration.ofDays(90), 7, SECTION_SIZE, DigestSettings.DEFAULTS.subscribeLimits());
    private static final HashingEncoder encoder = new HashingEncoder();
    private static final AtomicLong ids = new AtomicLong(1_000_000);

    private static TestApp app;
    private static DigestFixture fixture;
    private static DigestComposer composer;

    @BeforeAll
    static void start() throws Exception {
        var dir = Files.createTempDirectory("dailypapers-digest");
        app = TestApp.start(TestDatabases.sqlite(dir), dir, Optional.of(encoder));
        fixture = new DigestFixture(app.app());
        composer = new DigestComposer(SETTINGS, new Candidates(app.app().feed().feed(),
                () -> app.app().search().search(), app.app().libraries().service()), fixture.digests);
    }

    @AfterAll
    static void stop() {
        fixture.close();
        app.close();
    }

    /** The Monday of this test's own week, two weeks from the next test's: look-backs do not overlap. */
    private static LocalDate week(int n) {
        return LocalDate.of(2026, 6, 1).minusWeeks(2L * n);
    }

    private static Instant seven(LocalDate day) {
        return day.atTime(7, 0).toInstant(ZoneOffset.UTC);
    }

    private static void papers(PaperRecord... records) {
        app.app().feed().papers().upsert(List.of(records));
        new EmbeddingJob(app.app().search().vectors(), encoder, app.app().search().indexer(), 1, 500,
                Clock.systemUTC()).run(Long.MAX_VALUE);
        app.app().search().indexer().sync();
    }

    private static Subscription subscriber(Optional<Instant> lastDigestAt, Optional<Long> member, Topic... topics) {
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        return new Subscription(ids.incrementAndGet(), "reader-" + ids.get() + "@example.org", member,
                Cadence.DAILY, ZoneId.of("UTC"), SubscriptionState.CONFIRMED, Optional.empty(), List.of(topics),
                created, Optional.of(created), lastDigestAt, Optional.empty());
    }

    /** The digest of the day after {@code day}: its window covers {@code day}. */
    private static Digest dayAfter(Subscription subscription, LocalDate day) {
        Instant until = seven(day.plusDays(1));
        return composer.compose(subscription, seven(day), until, until);
    }

    private static ArxivId id(PaperRecord record) {
        return record.paper().id();
    }

    @Test
    void trendingHoldsTheWindowsFeaturedPapersByTrendingScoreCutToTheSectionSize() {
        LocalDate day = week(1);
        LocalDate old = day.minusDays(40);
        PaperRecord five = PaperFixtures.paper().featuredOn(day).upvotes(5).published(old).build();
        PaperRecord fifty = PaperFixtures.paper().featuredOn(day).upvotes(50).published(old).build();
        PaperRecord twenty = PaperFixtures.paper().featuredOn(day).upvotes(20).published(old).build();
        PaperRecord one = PaperFixtures.paper().featuredOn(day).upvotes(1).published(old).build();
        PaperRecord before = PaperFixtures.paper().featuredOn(day.minusDays(1)).upvotes(100).published(old).build();
        PaperRecord after = PaperFixtures.paper().featuredOn(day.plusDays(1)).upvotes(100).published(old).build();
        papers(five, fifty, twenty, one, before, after);

        Digest digest = dayAfter(subscriber(Optional.empty(), Optional.empty()), day);

        assertThat(digest.section(Digest.TRENDING)).containsExactly(id(fifty), id(twenty), id(five));
        assertThat(digest.items()).hasSize(SECTION_SIZE);
    }

    @Test
    void eachTopicHasTheNewPapersThatMatchItInTheOrderTheSubscriberAddedThem() {
        LocalDate day = week(2);
        PaperRecord popular = PaperFixtures.paper().categories("cs.CL").published(day).upvotes(9).build();
        PaperRecord quiet = PaperFixtures.paper().categories("cs.CL").published(day).upvotes(3).build();
        // Announced late (arXiv takes up to three days): still new to this subscriber, after the day's own.
        PaperRecord late = PaperFixtures.paper().categories("cs.CL").published(day.minusDays(2)).build();
        PaperRecord vision = PaperFixtures.paper().categories("cs.CV").published(day).build();
        PaperRecord hopper = PaperFixtures.paper().categories("cs.SE").authors("Grace Hopper", "Jean Sammet")
                .published(day).build();
        PaperRecord annealing = PaperFixtures.paper().categories("cs.ET").published(day)
                .title("Quantum annealing schedules for portfolio selection").build();
        PaperRecord oldAnnealing = PaperFixtures.paper().categories("cs.ET").published(day.minusDays(4))
                .title("Quantum annealing on small machines").build();
        papers(popular, quiet, late, vision, hopper, annealing, oldAnnealing);

        Digest digest = dayAfter(subscriber(Optional.empty(), Optional.empty(), Topic.category("cs.CL"),
                Topic.author("Grace Hopper"), Topic.query("quantum annealing")), day);

        assertThat(digest.section(Digest.TRENDING)).isEmpty();
        assertThat(digest.section(1)).containsExactly(id(popular), id(quiet), id(late));
        assertThat(digest.section(2)).containsExactly(id(hopper));
        assertThat(digest.section(3)).containsExactly(id(annealing));
    }

    @Test
    void aPaperAppearsOnlyInTheFirstSectionThatHasIt() {
        LocalDate day = week(3);
        PaperRecord star = PaperFixtures.paper().featuredOn(day).upvotes(40).published(day).categories("cs.CL")
                .authors("Grace Hopper").build();
        PaperRecord other = PaperFixtures.paper().published(day).categories("cs.CL").build();
        papers(star, other);

        Digest digest = dayAfter(subscriber(Optional.empty(), Optional.empty(), Topic.category("cs"),
                Topic.author("Grace Hopper")), day);

        assertThat(digest.section(Digest.TRENDING)).containsExactly(id(star));
        assertThat(digest.section(1)).as("an archive takes its categories").containsExactly(id(other));
        assertThat(digest.section(2)).isEmpty();
        assertThat(digest.items()).extracting(Digest.Item::paper).doesNotHaveDuplicates();
    }

    @Test
    void aFirstDigestLooksBackTheLookBackDaysAndTheNextStartsWhereTheLastEnded() {
        LocalDate due = week(4);
        Instant until = seven(due);
        Subscription first = subscriber(Optional.empty(), Optional.empty());
        assertThat(composer.windowStart(first, until)).isEqualTo(until.minus(Duration.ofDays(7)));
        Subscription next = subscriber(Optional.of(until.minus(Duration.ofDays(3))), Optional.empty());
        assertThat(composer.windowStart(next, until)).isEqualTo(until.minus(Duration.ofDays(3)));
        Subscription weekly = subscriber(Optional.of(until.minus(Duration.ofDays(7)).minus(Duration.ofHours(1))),
                Optional.empty());
        assertThat(composer.windowStart(weekly, until)).as("a week with a summer-time change is not cut")
                .isEqualTo(until.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)));
        Subscription longAgo = subscriber(Optional.of(until.minus(Duration.ofDays(30))), Optional.empty());
        assertThat(composer.windowStart(longAgo, until)).as("a pause reaches back two weeks at most")
                .isEqualTo(until.minus(DigestComposer.LONGEST_WINDOW));

        PaperRecord inside = PaperFixtures.paper().featuredOn(due.minusDays(7)).upvotes(2).build();
        PaperRecord outside = PaperFixtures.paper().featuredOn(due.minusDays(8)).upvotes(90).build();
        PaperRecord today = PaperFixtures.paper().featuredOn(due).upvotes(90).build();
        papers(inside, outside, today);
        Digest digest = composer.compose(first, composer.windowStart(first, until), until, until);
        assertThat(digest.section(Digest.TRENDING)).as("UTC days from the start's up to the end's")
                .containsExactly(id(inside));
    }

    @Test
    void aWindowWithinOneDayCoversNoDayAndIsEmpty() {
        LocalDate day = week(5);
        papers(PaperFixtures.paper().featuredOn(day).upvotes(10).published(day).categories("cs.CL").build());
        Digest digest = composer.compose(subscriber(Optional.empty(), Optional.empty(), Topic.category("cs.CL")),
                seven(day), seven(day).plusSeconds(3600), seven(day).plusSeconds(3600));
        assertThat(digest.isEmpty()).isTrue();
    }

    @Test
    void moreLikeMyLibraryFindsNewPapersNearTheMembersSavedOnes() {
        LocalDate day = week(6);
        PaperRecord saved = PaperFixtures.paper().published(day.minusDays(30))
                .title("Graph neural networks for molecular property prediction")
                .abstractText("Message passing graph neural networks predict molecular properties.").build();
        PaperRecord near = PaperFixtures.paper().published(day)
                .title("Graph neural networks predict molecular properties")
                .abstractText("Message passing on molecular graphs with graph neural networks.").build();
        PaperRecord far = PaperFixtures.paper().published(day)
                .title("Rhyme in medieval poetry").abstractText("Troubadours and their rhyme schemes.").build();
        papers(saved, near, far);
        long member = app.member(Role.MEMBER).member().id();
        app.app().libraries().service().save(member, id(saved));

        Digest digest = dayAfter(subscriber(Optional.empty(), Optional.of(member), Topic.library()), day);
        Digest stranger = dayAfter(subscriber(Optional.empty(), Optional.empty(), Topic.library()), day);

        assertThat(digest.section(1)).first().isEqualTo(id(near));
        assertThat(digest.section(1)).doesNotContain(id(saved));
        assertThat(stranger.section(1)).as("not a member: no library").isEmpty();
    }
}
