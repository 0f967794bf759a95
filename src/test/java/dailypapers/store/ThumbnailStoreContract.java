package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.paper.ArxivId;
import dailypapers.thumbnail.ThumbnailException;
import dailypapers.thumbnail.ThumbnailImage;
import dailypapers.thumbnail.ThumbnailStore.Due;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.thumbnail.ThumbnailStore} must do; run against SQLite and PostgreSQL. */
abstract class ThumbnailStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-08-22T12:00:00Z");
    private static final byte[] BYTES = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

    private JdbiPaperStore papers;
    private JdbiThumbnailStore store;

    protected ThumbnailStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        papers = new JdbiPaperStore(database(), Clock.fixed(T0, ZoneOffset.UTC));
        store = new JdbiThumbnailStore(database());
    }

    @Test
    void featuredPapersWithoutAThumbnailAreDueMostRecentlyFeaturedFirst() {
        papers.upsert(List.of(
                paper().id("2608.00001").featuredOn(LocalDate.of(2026, 8, 20)).build(),
                paper().id("2608.00002").featuredOn(LocalDate.of(2026, 8, 21)).build(),
                paper().id("2608.00003").featuredOn(LocalDate.of(2026, 8, 21)).build(),
                paper().id("2608.00004").build()));

        assertThat(store.due(T0, 10)).containsExactly(due("2608.00003", 0), due("2608.00002", 0),
                due("2608.00001", 0));
        assertThat(store.due(T0, 2)).containsExactly(due("2608.00003", 0), due("2608.00002", 0));
    }

    @Test
    void aSavedThumbnailIsReadBackAndIsNoLongerDue() {
        papers.upsert(List.of(paper().id("2608.00001").featuredOn(LocalDate.of(2026, 8, 21)).build(),
                paper().id("2608.00002").featuredOn(LocalDate.of(2026, 8, 21)).build()));
        ThumbnailImage image = ThumbnailImage.of(BYTES, "image/png", 400, 517);

        store.save(id("2608.00001"), image, T0);

        ThumbnailImage read = store.image(id("2608.00001")).orElseThrow();
        assertThat(read.bytes()).isEqualTo(BYTES);
        assertThat(read.mediaType()).isEqualTo("image/png");
        assertThat(read.thumbnail()).isEqualTo(image.thumbnail());
        assertThat(store.image(id("2608.00002"))).isEmpty();
        assertThat(store.due(T0, 10)).containsExactly(due("2608.00002", 0));
        assertThat(store.thumbnails(List.of(id("2608.00001"), id("2608.00002"), id("2608.00009"))))
                .isEqualTo(Map.of(id("2608.00001"), image.thumbnail()));
        assertThat(store.thumbnails(List.of())).isEmpty();
    }

    @Test
    void aSavedThumbnailChangesTheDataVersionThatPagesAreTaggedWith() {
        papers.upsert(List.of(paper().id("2608.00001").featuredOn(LocalDate.of(2026, 8, 21)).build()));
        long before = papers.dataVersion();

        store.save(id("2608.00001"), ThumbnailImage.of(BYTES, "image/png", 400, 517), T0);

        assertThat(papers.dataVersion()).isNotEqualTo(before);
    }

    @Test
    void aFailedPaperIsDueAgainAtItsRetryTimeWithItsFailuresCounted() {
        papers.upsert(List.of(paper().id("2608.00001").featuredOn(LocalDate.of(2026, 8, 21)).build()));
        Instant retry = T0.plus(Duration.ofHours(1));

        store.recordFailure(id("2608.00001"), ThumbnailException.Code.UNREADABLE, "not a PDF", retry, T0);

        assertThat(store.due(T0, 10)).isEmpty();
        assertThat(store.due(retry.minusMillis(1), 10)).isEmpty();
        assertThat(store.due(retry, 10)).containsExactly(due("2608.00001", 1));
        assertThat(store.image(id("2608.00001"))).as("a failure is never an image").isEmpty();
        assertThat(store.thumbnails(List.of(id("2608.00001")))).isEmpty();

        store.recordFailure(id("2608.00001"), ThumbnailException.Code.DOWNLOAD_FAILED, "HTTP 502",
                retry.plus(Duration.ofHours(2)), retry);
        assertThat(store.due(retry.plus(Duration.ofHours(2)), 10)).containsExactly(due("2608.00001", 2));

        store.save(id("2608.00001"), ThumbnailImage.of(BYTES, "image/png", 400, 517), retry.plus(Duration.ofHours(2)));
        assertThat(store.due(T0.plus(Duration.ofDays(30)), 10)).isEmpty();
        assertThat(store.image(id("2608.00001"))).isPresent();
    }

    @Test
    void aNewRenderingReplacesTheOldOneWithANewVersion() {
        papers.upsert(List.of(paper().id("2608.00001").featuredOn(LocalDate.of(2026, 8, 21)).build()));
        ThumbnailImage first = ThumbnailImage.of(BYTES, "image/png", 400, 517);
        ThumbnailImage second = ThumbnailImage.of(new byte[] {1, 2, 3}, "image/png", 400, 566);

        store.save(id("2608.00001"), first, T0);
        store.save(id("2608.00001"), second, T0.plusSeconds(1));

        assertThat(second.thumbnail().version()).isNotEqualTo(first.thumbnail().version());
        assertThat(store.image(id("2608.00001")).orElseThrow().thumbnail()).isEqualTo(second.thumbnail());
    }

    private static ArxivId id(String value) {
        return new ArxivId(value);
    }

    private static Due due(String id, int failures) {
        return new Due(id(id), failures);
    }
}
