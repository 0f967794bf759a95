package dailypapers.search;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.ingest.ImportListener;
import dailypapers.paper.Paper;
import dailypapers.store.Database;
import dailypapers.store.JdbiSyncCheckpointStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index is derived from the database: a rebuild reproduces it, a lost index comes back, writes by a process
 * that could not open the index reach it at the next sync, and the embedding job resumes where it stopped.
 */
class SearchIndexerIT {

    private static final List<String> QUERIES = List.of("video generation", "language models", "\"neural radiance\"",
            "author:\"Dahua Lin\"", "cat:cs.CV diffusion", "year:2024", "has:code agents", "benchmark year:2025..");

    @TempDir
    Path dir;

    private static Map<String, Long> hitCounts(SearchService search) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String query : QUERIES) {
            counts.put(query, search.search(new SearchRequest(query, Optional.of(SearchMode.KEYWORD),
                    ResultOrder.RELEVANCE, 0, 10)).total());
        }
        return counts;
    }

    private static List<String> topIds(SearchService search, String query) {
        return search.search(new SearchRequest(query, Optional.of(SearchMode.KEYWORD), ResultOrder.RELEVANCE, 0, 20))
                .hits().stream().map(h -> h.entry().paper().id().value()).toList();
    }

    /** The sync checkpoint the database holds for a generation (through a second pool on the same file). */
    private static Optional<SyncCheckpointStore.SyncCheckpoint> checkpoint(TestApp app, String generation) {
        try (Database database = Database.open(TestDatabases.sqlite(app.directory()), new SimpleMeterRegistry())) {
            return new JdbiSyncCheckpointStore(database).find(generation);
        }
    }

    @Test
    void reindexFromTheDatabaseRebuildsTheSameIndexWhileSearchesSeeTheWholeOldOne() {
        try (TestApp app = TestApp.withSample()) {
            SearchService search = app.app().search().search();
            app.app().search().indexer().sync();
            Map<String, Long> before = hitCounts(search);
            List<String> topBefore = topIds(search, "video generation");
            assertThat(before.values()).allMatch(n -> n > 0);
            String generation = app.app().search().index().generation();
            List<Map<String, Long>> duringRebuild = new ArrayList<>();

            SearchIndexer.Summary summary = app.app().search().indexer().rebuild(n -> duringRebuild.add(hitCounts(search)));

            assertThat(summary.indexed()).isEqualTo(1_000);
            assertThat(duringRebuild).isNotEmpty().allMatch(before::equals);
            assertThat(hitCounts(search)).isEqualTo(before);
            assertThat(topIds(search, "video generation")).isEqualTo(topBefore);
            String rebuilt = app.app().search().index().generation();
            assertThat(rebuilt).isNotEqualTo(generation);
            assertThat(checkpoint(app, generation)).as("the replaced generation's checkpoint is gone").isEmpty();
            assertThat(checkpoint(app, rebuilt)).hasValueSatisfying(c -> {
                assertThat(c.schema()).isEqualTo(SearchIndexer.SCHEMA_VERSION);
                assertThat(c.model()).isEmpty();
            });
        }
    }

    @Test
    void aRebuildCutShortLeavesTheLiveIndexServingAndCurrent() {
        Map<String, Long> before;
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            app.importFile(TestData.sample());
            app.app().search().indexer().sync();
            before = hitCounts(app.app().search().search());
            assertThatThrownBy(() -> app.app().search().indexer().rebuild(n -> {
                throw new IllegalStateException("the process stops here");
            })).hasMessageContaining("stops here");
            assertThat(hitCounts(app.app().search().search())).isEqualTo(before);
        }
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            assertThat(app.app().search().indexer().isCurrent()).isTrue();
            assertThat(app.app().search().indexer().sync().rebuilt()).isFalse();
            assertThat(hitCounts(app.app().search().search())).isEqualTo(before);
        }
    }

    @Test
    void aPaperRemovedFromTheDatabaseLeavesTheIndexAtTheNextSync() throws SQLException {
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            app.importFile(TestData.sample());
            app.app().search().indexer().sync();
            String removed = topIds(app.app().search().search(), "video generation").getFirst();
            try (Connection connection = DriverManager.getConnection(TestDatabases.sqlite(dir).url());
                    PreparedStatement featured = connection.prepareStatement("DELETE FROM featured WHERE paper_id = ?");
                    PreparedStatement paper = connection.prepareStatement("DELETE FROM paper WHERE id = ?")) {
                featured.setString(1, removed);
                featured.executeUpdate();
                paper.setString(1, removed);
                assertThat(paper.executeUpdate()).isEqualTo(1);
            }

            SearchIndexer.Summary summary = app.app().search().indexer().sync();

            assertThat(summary.removed()).isEqualTo(1);
            assertThat(app.app().search().index().versions(List.of(removed))).isEmpty();
            assertThat(app.app().search().search().status().documents()).isEqualTo(999);
            assertThat(app.app().search().indexer().sync().removed()).as("removed once").isZero();
        }
    }

    @Test
    void eachLocalIndexOnASharedDatabaseKeepsItsOwnCheckpoint(@TempDir Path otherNode) {
        try (TestApp first = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            first.importFile(TestData.sample());
            first.app().search().indexer().sync();
            // A second node: its own index folder, the same database.
            try (TestApp second = TestApp.start(new Config(otherNode, TestDatabases.sqlite(dir), "127.0.0.1", 0))) {
                assertThat(second.app().search().index().generation())
                        .isNotEqualTo(first.app().search().index().generation());
                assertThat(second.app().search().indexer().isCurrent()).as("what the first node synced is not here").isFalse();
                assertThat(second.app().search().indexer().sync().rebuilt()).isTrue();
                assertThat(second.app().search().search().status().documents()).isEqualTo(1_000);
                assertThat(first.app().search().indexer().isCurrent()).isTrue();
                assertThat(first.app().search().indexer().sync().rebuilt()).isFalse();
            }
        }
    }

    @Test
    void aLostIndexIsRebuiltAtTheNextSync() throws IOException {
        Map<String, Long> before;
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            app.importFile(TestData.sample());
            before = hitCounts(app.app().search().search());
        }
        Path index = App.indexPath(new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0));
        try (Stream<Path> files = Files.walk(index)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            assertThat(app.app().search().search().status().documents()).isZero();
            SearchIndexer.Summary summary = app.app().search().indexer().sync();
            assertThat(summary.rebuilt()).isTrue();
            assertThat(hitCounts(app.app().search().search())).isEqualTo(before);
        }
    }

    @Test
    void aSecondProcessWritesTheDatabaseAndTheIndexHolderCatchesUp() throws IOException {
        try (TestApp server = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            server.app().search().indexer().sync();
            // Another process (an import) opens the same data directory: the index is taken, the database is not.
            try (App importer = App.open(new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0),
                    TestApp.FIXED_CLOCK)) {
                assertThat(importer.hasIndex()).isFalse();
                assertThatThrownBy(importer::search).isInstanceOf(IndexUnavailableException.class)
                        .hasMessageContaining("in use by another process");
                importer.importFile(TestData.sample(), ImportListener.NONE);
            }
            assertThat(server.app().search().search().status().documents()).isZero();

            SearchIndexer.Summary summary = server.app().search().indexer().sync();

            assertThat(summary.rebuilt()).isFalse();
            assertThat(summary.indexed()).isEqualTo(1_000);
            assertThat(server.app().search().search().status().documents()).isEqualTo(1_000);
            assertThat(server.app().search().indexer().sync().indexed()).as("nothing new the second time").isZero();
        }
    }

    @Test
    void anUpdatedPaperIsFoundByItsNewWordsAndItsStaleVectorIsRecomputed() {
        HashingEncoder encoder = new HashingEncoder();
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir, Optional.of(encoder))) {
            App a = app.app();
            a.feed().papers().upsert(List.of(paper().id("2601.00001").title("Quasar lensing").version(1).build()));
            a.search().indexer().sync();
            a.search().embedding().orElseThrow().run(Long.MAX_VALUE);
            assertThat(a.search().search().status().documentsWithVectors()).isEqualTo(1);

            a.feed().papers().upsert(List.of(paper().id("2601.00001").title("Pulsar timing arrays").version(2).build()));
            a.search().indexer().sync();

            assertThat(topIds(a.search().search(), "pulsar")).containsExactly("2601.00001");
            assertThat(topIds(a.search().search(), "quasar")).isEmpty();
            assertThat(a.search().vectors().countMissing(encoder.model())).as("the old abstract's vector is dropped")
                    .isEqualTo(1);
            assertThat(a.search().embedding().orElseThrow().run(Long.MAX_VALUE).embedded()).isEqualTo(1);
            assertThat(a.search().search().status().documentsWithVectors()).isEqualTo(1);
        }
    }

    @Test
    void theEmbeddingJobResumesWithThePapersStillLackingAVector() {
        HashingEncoder encoder = new HashingEncoder();
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir, Optional.of(encoder))) {
            app.importFile(TestData.sample());
            VectorStore vectors = app.app().search().vectors();
            // A run that stops (crashes) after 300 papers ...
            EmbeddingJob first = new EmbeddingJob(vectors, encoder, app.app().search().indexer(), 1, 100,
                    Clock.systemUTC());
            assertThat(first.run(300).embedded()).isEqualTo(300);
            assertThat(vectors.count(encoder.model())).isEqualTo(300);
            assertThat(vectors.countMissing(encoder.model())).isEqualTo(700);
            // ... and a new one (a restarted server) embeds exactly the rest.
            int passagesBefore = encoder.passageCalls();
            // (on two worker threads: each paper still gets its own text's vector)
            EmbeddingJob.Summary second = new EmbeddingJob(vectors, encoder, app.app().search().indexer(), 2, 250,
                    Clock.systemUTC()).run(Long.MAX_VALUE);
            assertThat(second.embedded()).isEqualTo(700);
            assertThat(second.remaining()).isZero();
            assertThat(encoder.passageCalls() - passagesBefore).isEqualTo(700);
            for (SearchStore.Change change : vectors.changedSince(encoder.model(), Instant.EPOCH, Optional.empty(),
                    2_000)) {
                Paper paper = app.app().feed().papers().find(change.id()).orElseThrow().paper();
                float[] expected = encoder.encodePassages(List.of(EmbeddingText.of(paper.title(),
                        paper.abstractText()))).getFirst();
                assertThat(vectors.find(change.id(), encoder.model()).orElseThrow().vector())
                        .as("vector of %s", change.id()).containsExactly(expected);
            }
            assertThat(app.app().search().search().status().documentsWithVectors()).isEqualTo(1_000);
            assertThat(new EmbeddingJob(vectors, encoder, app.app().search().indexer(), 1, 100, Clock.systemUTC())
                    .run(Long.MAX_VALUE).embedded()).isZero();
        }
    }

    @Test
    void anotherModelMeansRebuildingWithItsOwnVectors() {
        HashingEncoder encoder = new HashingEncoder();
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir, Optional.of(encoder))) {
            app.importFile(TestData.sample());
            app.app().search().indexer().sync();
            new EmbeddingJob(app.app().search().vectors(), encoder, app.app().search().indexer(), 1, 500, Clock.systemUTC())
                    .run(Long.MAX_VALUE);
            assertThat(app.app().search().search().status().documentsWithVectors()).isEqualTo(1_000);
        }
        // Restarted without the model: the index drops the vectors, search says semantic is unavailable.
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            assertThat(app.app().search().indexer().isCurrent()).isFalse();
            assertThat(app.app().search().indexer().sync().rebuilt()).isTrue();
            assertThat(app.app().search().search().status().documentsWithVectors()).isZero();
            assertThat(app.app().search().vectors().count(encoder.model())).as("stored vectors are kept").isEqualTo(1_000);
        }
    }
}
