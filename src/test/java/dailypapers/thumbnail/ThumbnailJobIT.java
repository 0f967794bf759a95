package dailypapers.thumbnail;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.ingest.HarvestFixture;
import dailypapers.ingest.ReplayServer.Reply;
import dailypapers.paper.ArxivId;
import dailypapers.store.JdbiThumbnailStore;
import dailypapers.thumbnail.ThumbnailStore.Due;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The thumbnail job against a loopback server that plays arXiv's PDF host, with PDFs the test makes, on a real
 * SQLite database: good PDFs become thumbnails, bad ones are recorded and tried again after a backoff.
 */
class ThumbnailJobIT {

    private static final long MAX_PDF_BYTES = 200_000;

    private final HarvestFixture fixture = new HarvestFixture();
    private final Map<String, Reply> pdfs = new ConcurrentHashMap<>();
    private JdbiThumbnailStore store;
    private FirstPageRenderer renderer;

    @BeforeEach
    void start() {
        fixture.server.route(uri -> pdfs.getOrDefault(uri.getPath(), Reply.status(404, Map.of())));
        store = new JdbiThumbnailStore(fixture.database);
        renderer = new FirstPageRenderer(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        renderer.close();
        fixture.close();
    }

    private ThumbnailJob job(int batchSize, long maxPdfBytes) {
        ThumbnailSettings settings = new ThumbnailSettings(true, Duration.ofMinutes(5), batchSize,
                URI.create(fixture.server.baseUrl() + "/pdf/"), maxPdfBytes, Duration.ofSeconds(20),
                HarvestFixture.policy(Duration.ofSeconds(10), 5));
        return new ThumbnailJob(store, fixture.upstream(settings.policy()), renderer, settings, fixture.clock);
    }

    private void featured(String id, LocalDate day) {
        fixture.papers.upsert(List.of(paper().id(id).featuredOn(day).build()));
    }

    private void serve(String id, Reply reply) {
        pdfs.put("/pdf/" + id, reply);
    }

    @Test
    void featuredPapersGetThumbnailsMostRecentlyFeaturedFirstInBoundedBatches() {
        featured("2608.00001", LocalDate.of(2026, 8, 19));
        featured("2608.00002", LocalDate.of(2026, 8, 20));
        featured("2608.00003", LocalDate.of(2026, 8, 21));
        fixture.papers.upsert(List.of(paper().id("2608.00004").build()));
        for (String id : List.of("2608.00001", "2608.00002", "2608.00003", "2608.00004")) {
            serve(id, Reply.ok(TestPdfs.paper("Paper " + id, false), "application/pdf"));
        }

        job(2, MAX_PDF_BYTES).run();

        assertThat(fixture.server.requests()).containsExactly("/pdf/2608.00003", "/pdf/2608.00002");
        ThumbnailImage image = store.image(id("2608.00003")).orElseThrow();
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.thumbnail().width()).isEqualTo(FirstPageRenderer.WIDTH_PX);
        assertThat(store.image(id("2608.00001"))).isEmpty();

        job(2, MAX_PDF_BYTES).run();

        assertThat(fixture.server.requests()).as("the never-featured paper is not fetched")
                .containsExactly("/pdf/2608.00003", "/pdf/2608.00002", "/pdf/2608.00001");
        assertThat(store.due(fixture.clock.instant(), 10)).isEmpty();
    }

    @Test
    void aBrokenPdfIsRecordedAndTriedAgainAfterABackoffThatDoubles() {
        featured("2608.00001", LocalDate.of(2026, 8, 21));
        serve("2608.00001", Reply.ok(TestPdfs.broken(), "application/pdf"));
        ThumbnailJob job = job(10, MAX_PDF_BYTES);

        job.run();

        assertThat(errorCode("2608.00001")).contains("UNREADABLE");
        assertThat(store.image(id("2608.00001"))).isEmpty();
        job.run();
        assertThat(fixture.server.requests()).as("not tried again before its time").hasSize(1);

        fixture.clock.advance(ThumbnailJob.FIRST_RETRY);
        assertThat(store.due(fixture.clock.instant(), 10)).containsExactly(new Due(id("2608.00001"), 1));
        job.run();
        assertThat(fixture.server.requests()).hasSize(2);

        fixture.clock.advance(ThumbnailJob.FIRST_RETRY);
        assertThat(store.due(fixture.clock.instant(), 10)).as("the second wait is twice the first").isEmpty();
        fixture.clock.advance(ThumbnailJob.FIRST_RETRY);
        serve("2608.00001", Reply.ok(TestPdfs.paper("Fixed", true), "application/pdf"));
        job.run();

        assertThat(store.image(id("2608.00001"))).isPresent();
        assertThat(errorCode("2608.00001")).isEmpty();
    }

    @Test
    void aPdfOverTheSizeCapIsNotDownloadedAndIsRecorded() {
        featured("2608.00001", LocalDate.of(2026, 8, 21));
        byte[] pdf = TestPdfs.paper("Large", true);
        serve("2608.00001", Reply.ok(pdf, "application/pdf"));

        job(10, pdf.length - 1).run();

        assertThat(errorCode("2608.00001")).contains("TOO_LARGE");
        assertThat(fixture.server.requests()).as("no retries").hasSize(1);
        assertThat(store.image(id("2608.00001"))).isEmpty();
    }

    @Test
    void aMissingPdfAndAnOddPageAreRecordedByKindAndTheRunGoesOn() {
        featured("2608.00001", LocalDate.of(2026, 8, 21));
        featured("2608.00002", LocalDate.of(2026, 8, 20));
        featured("2608.00003", LocalDate.of(2026, 8, 19));
        serve("2608.00002", Reply.ok(TestPdfs.strip(), "application/pdf"));
        serve("2608.00003", Reply.ok(TestPdfs.paper("Fine", false), "application/pdf"));

        job(10, MAX_PDF_BYTES).run();

        assertThat(errorCode("2608.00001")).contains("REFUSED");
        assertThat(errorCode("2608.00002")).contains("NO_PAPER_PAGE");
        assertThat(store.image(id("2608.00003"))).isPresent();
    }

    @Test
    void whenArxivKeepsFailingTheRunStopsWithoutBlamingThePapers() {
        featured("2608.00001", LocalDate.of(2026, 8, 21));
        featured("2608.00002", LocalDate.of(2026, 8, 20));
        fixture.server.route(uri -> Reply.status(503, Map.of()));
        ThumbnailSettings settings = new ThumbnailSettings(true, Duration.ofMinutes(5), 10,
                URI.create(fixture.server.baseUrl() + "/pdf/"), MAX_PDF_BYTES, Duration.ofSeconds(20),
                HarvestFixture.policy(Duration.ofMillis(500), 3));
        ThumbnailJob job = new ThumbnailJob(store, fixture.upstream(settings.policy()), renderer, settings,
                fixture.clock);

        job.run();

        assertThat(errorCode("2608.00001")).as("the try that opened the circuit is recorded")
                .contains("DOWNLOAD_FAILED");
        assertThat(errorCode("2608.00002")).as("then the run stops").isEmpty();
        assertThat(store.due(fixture.clock.instant(), 10)).extracting(Due::paper).containsExactly(id("2608.00002"));
    }

    private Optional<String> errorCode(String id) {
        return fixture.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT error_code FROM thumbnail WHERE paper_id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .filter(code -> code != null));
    }

    private static ArxivId id(String value) {
        return new ArxivId(value);
    }
}
