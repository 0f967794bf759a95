package dailypapers.web;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabase;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.job.JobScheduler;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import dailypapers.search.EmbeddingJob;
import dailypapers.search.Filters;
import dailypapers.search.HashingEncoder;
import dailypapers.search.Hit;
import dailypapers.search.SearchModule;
import dailypapers.search.SimilarJob;
import dailypapers.search.SimilarPapers;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Similar papers stored once per paper, on each kind of database, on the 1,000-paper sample with every paper
 * embedded by a test encoder: the paper page and the API read the stored list (so changing the stored rows
 * changes what they show), a fresh list is what a similarity query finds, a list is computed again when its paper
 * changes, gains a vector or the corpus grows by a tenth, hidden papers never show, and the job fills every list
 * under its lease.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimilarPapersContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIMILAR_LINK = Pattern.compile("<li><a href=\"/papers/([^\"]+)\">");

    private final TestDatabase kind;
    private final HashingEncoder encoder = new HashingEncoder();
    private DatabaseConfig config;
    private TestApp app;
    private Database database;

    SimilarPapersContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        config = kind.open();
        try {
            // Without the page cache, which would answer a repeated page from memory: these tests watch what the
            // page reads from the stored lists.
            app = TestApp.start(new Config(Files.createTempDirectory("dailypapers-similar"), config, "127.0.0.1", 0)
                    .withHttpCacheBytes(0), Optional.of(encoder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app.importFile(TestData.sample());
        embedMissing();
        // A second pool on the same database, for what a test sets up or looks at behind the application.
        database = Database.open(config, new SimpleMeterRegistry());
    }

    @AfterAll
    void stop() {
        if (database != null) {
            database.close();
        }
        if (app != null) {
            app.close();
            kind.drop(config);
        }
    }

    private SearchModule search() {
        return app.app().search();
    }

    private void embedMissing() {
        new EmbeddingJob(search().vectors(), encoder, search().indexer(), 1, 500, Clock.systemUTC())
                .run(Long.MAX_VALUE);
    }

    /** The sample's ids, in file order, so each test takes papers no other test touches. */
    private List<String> sampleIds(int from, int to) {
        return TestData.sampleRecords().subList(from, to).stream().map(r -> r.get("id").asText()).toList();
    }

    private List<String> onPage(String id) {
        String body = app.get("/papers/" + id).body();
        int start = body.indexOf("class=\"similar\"");
        String section = body.substring(start, body.indexOf("</section>", start));
        List<String> ids = new ArrayList<>();
        Matcher m = SIMILAR_LINK.matcher(section);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private HttpResponse<String> api(String id, int limit) {
        return app.get("/api/papers/" + id + "/similar?limit=" + limit);
    }

    private static List<String> ids(HttpResponse<String> response) {
        try {
            return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false)
                    .map(item -> item.get("paper").get("id").asText()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a similarity query finds now: the nearest neighbours of the paper's vector, or by shared words. */
    private List<String> query(String id, int k) {
        Filters others = Filters.NONE.excluding(id);
        List<Hit> hits = search().vectors().find(new ArxivId(id), encoder.model())
                .map(v -> search().index().nearest(v.vector(), others, k).hits())
                .orElseGet(() -> search().index().moreLikeThis(id, others, k).hits());
        return hits.stream().map(Hit::id).toList();
    }

    private List<String> stored(String id) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT similar_id FROM similar_paper WHERE paper_id = :id ORDER BY ordinal")
                .bind("id", id).mapTo(String.class).list());
    }

    /** A paper of the sample that {@code id}'s stored list does not hold. */
    private String outsider(String id) {
        List<String> listed = stored(id);
        return sampleIds(900, 1_000).stream().filter(o -> !o.equals(id) && !listed.contains(o)).findFirst()
                .orElseThrow();
    }

    /** Puts {@code other} first in {@code id}'s stored list, as no similarity query would. */
    private void tamper(String id, String other) {
        database.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE similar_paper SET similar_id = :other WHERE paper_id = :id AND ordinal = 0")
                .bind("other", other).bind("id", id).execute());
    }

    private void update(PaperRecord record) {
        app.app().feed().papers().upsert(List.of(record));
        search().indexer().update(List.of(record.paper().id()));
        search().indexer().refresh();
    }

    private long count(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void aFreshListIsWhatASimilarityQueryFindsAndIsStoredOnFirstView() {
        String id = sampleIds(0, 1).getFirst();

        assertThat(onPage(id)).containsExactlyElementsOf(query(id, PaperPages.SIMILAR_PAPERS));
        assertThat(stored(id)).containsExactlyElementsOf(query(id, SimilarPapers.STORED));
        HttpResponse<String> response = api(id, SearchApi.DEFAULT_SIMILAR);
        assertThat(response.headers().firstValue("X-Similar-By")).hasValue("vectors");
        assertThat(ids(response)).containsExactlyElementsOf(query(id, SearchApi.DEFAULT_SIMILAR));
        // More than a stored list holds is computed for the request and leaves the stored list as it was.
        assertThat(ids(api(id, SearchApi.MAX_SIMILAR))).containsExactlyElementsOf(query(id, SearchApi.MAX_SIMILAR));
        assertThat(stored(id)).hasSize(SimilarPapers.STORED);
    }

    @Test
    void thePageAndTheApiShowTheStoredListWithoutAQuery() {
        String id = sampleIds(10, 11).getFirst();
        onPage(id);
        String other = outsider(id);
        tamper(id, other);

        assertThat(onPage(id)).hasSize(PaperPages.SIMILAR_PAPERS).first().isEqualTo(other);
        assertThat(ids(api(id, SearchApi.DEFAULT_SIMILAR))).hasSize(SearchApi.DEFAULT_SIMILAR).first()
                .isEqualTo(other);
    }

    @Test
    void aPaperWhoseTextChangesAndThenGainsAVectorGetsANewListEachTime() {
        String id = sampleIds(20, 21).getFirst();
        onPage(id);
        tamper(id, outsider(id));

        // New text: the index drops the paper's vector, which no longer matches it, until it is embedded again.
        update(paper().id(id).title("Sparse attention for long-context language models")
                .abstractText("We make attention sparse so that language models read long documents.").build());
        assertThat(search().vectors().find(new ArxivId(id), encoder.model())).isEmpty();
        HttpResponse<String> byWords = api(id, SearchApi.DEFAULT_SIMILAR);
        assertThat(byWords.headers().firstValue("X-Similar-By")).hasValue("words");
        assertThat(ids(byWords)).containsExactlyElementsOf(query(id, SearchApi.DEFAULT_SIMILAR));
        assertThat(onPage(id)).containsExactlyElementsOf(query(id, PaperPages.SIMILAR_PAPERS));

        tamper(id, outsider(id));
        embedMissing();
        HttpResponse<String> byMeaning = api(id, SearchApi.DEFAULT_SIMILAR);
        assertThat(byMeaning.headers().firstValue("X-Similar-By")).hasValue("vectors");
        assertThat(ids(byMeaning)).containsExactlyElementsOf(query(id, SearchApi.DEFAULT_SIMILAR));
    }

    @Test
    void aListIsComputedAgainOnceTheCorpusItWasPickedFromGrewByATenth() {
        String id = sampleIds(30, 31).getFirst();
        onPage(id);
        String other = outsider(id);
        tamper(id, other);
        long vectors = search().vectors().count(encoder.model());
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE similar_list SET corpus_size = :n WHERE paper_id = :id")
                .bind("n", vectors).bind("id", id).execute());
        long tenth = Math.ceilDiv(vectors, 10);

        addEmbeddedPapers(tenth - 1);
        assertThat(onPage(id)).first().isEqualTo(other);
        addEmbeddedPapers(1);
        assertThat(onPage(id)).doesNotContain(other).containsExactlyElementsOf(
                query(id, PaperPages.SIMILAR_PAPERS));
    }

    private void addEmbeddedPapers(long n) {
        List<PaperRecord> records = IntStream.range(0, (int) n).mapToObj(i -> paper()
                .title("Growing the corpus " + i).abstractText("Another paper on video diffusion, number " + i)
                .build()).toList();
        app.app().feed().papers().upsert(records);
        search().indexer().update(records.stream().map(r -> r.paper().id()).toList());
        embedMissing();
    }

    @Test
    void papersHiddenByAModeratorNeverShowAndTheNextOnesTakeTheirPlace() {
        String id = sampleIds(40, 41).getFirst();
        List<String> before = onPage(id);
        List<String> storedList = stored(id);
        String hidden = before.getFirst();
        Member moderator = app.member(Role.MODERATOR).member();
        app.app().moderation().service().hidePaper(moderator, hidden, "spam");
        try {
            assertThat(onPage(id)).doesNotContain(hidden)
                    .containsExactlyElementsOf(storedList.subList(1, PaperPages.SIMILAR_PAPERS + 1));
            assertThat(ids(api(id, SearchApi.DEFAULT_SIMILAR))).doesNotContain(hidden)
                    .containsExactlyElementsOf(storedList.subList(1, SearchApi.DEFAULT_SIMILAR + 1));
            assertThat(ids(api(id, SearchApi.MAX_SIMILAR))).hasSize(SearchApi.MAX_SIMILAR - 1)
                    .doesNotContain(hidden);
        } finally {
            // The index still holds the paper; other tests compare lists with what it finds.
            app.app().moderation().service().unhidePaper(moderator, hidden, "a test");
        }
    }

    @Test
    void theJobFillsEveryListUnderItsLeaseOnceTheIndexHasSyncedAndLaterOnlyWhatChanged() {
        JobScheduler jobs = app.app().jobs();
        assertThat(jobs.jobNames()).contains(SearchModule.SIMILAR_JOB);
        // Another node running the job holds its lease: this one does nothing.
        assertThat(jobs.runExclusive(SearchModule.SIMILAR_JOB, () -> jobs.runNow(SearchModule.SIMILAR_JOB)))
                .contains(JobScheduler.Outcome.LEASE_HELD);
        search().indexer().sync();
        long lists = count("SELECT COUNT(*) FROM similar_list");

        assertThat(jobs.runNow(SearchModule.SIMILAR_JOB)).isEqualTo(JobScheduler.Outcome.RAN);
        assertThat(count("SELECT COUNT(*) FROM similar_list")).isEqualTo(count("SELECT COUNT(*) FROM paper"))
                .isGreaterThan(lists);
        assertThat(count("SELECT COUNT(*) FROM similar_paper"))
                .isEqualTo(count("SELECT COUNT(*) FROM paper") * SimilarPapers.STORED);

        SimilarJob job = search().similarJob();
        assertThat(job.run().computed()).isZero();
        String id = sampleIds(50, 51).getFirst();
        // A row written again with the same text (an upvote) is looked at once, not computed again.
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE paper SET updated_at = :at WHERE id = :id")
                .bind("at", "2026-08-22T12:05:00Z").bind("id", id).execute());
        SimilarJob.Summary touched = job.run();
        assertThat(touched.computed()).isZero();
        assertThat(touched.unchanged()).isEqualTo(1);
        assertThat(job.run().unchanged()).isZero();
        // New text, and the index has caught up with it: computed and stored again.
        database.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE paper SET abstract = :text, updated_at = :at WHERE id = :id")
                .bind("text", "A new abstract about graph neural networks.").bind("at", "2026-08-22T12:06:00Z")
                .bind("id", id).execute());
        search().indexer().update(List.of(new ArxivId(id)));
        search().indexer().refresh();
        SimilarJob.Summary changed = job.run();
        assertThat(changed.computed()).isEqualTo(1);
        assertThat(changed.stored()).isEqualTo(1);
        assertThat(stored(id)).containsExactlyElementsOf(query(id, SimilarPapers.STORED));
    }
}
