package dailypapers.search.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.TestPorts;
import dailypapers.search.Filters;
import dailypapers.search.ForwardingSearchIndex;
import dailypapers.search.Hit;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.InvalidQueryException;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchDocument;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchIndexContract;
import dailypapers.search.SolrSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The contract every engine passes, on a real SolrCloud (two shards, so scores and ties cross shards), and what
 * is Solr's own: the configset and collection made on an empty cluster, the alias that names the live generation
 * for every node, writes and swaps of one node seen by another, strays, and clear errors.
 */
@Order(Order.DEFAULT + 1) // one of the suite's longest: started early (see the test configuration in pom.xml)
class SolrSearchIndexIT extends SearchIndexContract {

    /** Dimension of the contract's vectors. */
    private static final int DIMENSION = 2;
    /** How long another node may take to see a change: the watch interval, and a margin for a busy machine. */
    private static final Duration SEEN_WITHIN = SolrSearchIndex.WATCH_INTERVAL.multipliedBy(5);

    @Override
    protected SearchIndex openIndex() {
        SolrSettings settings = TestSolr.settings("contract", 2, 1);
        return new ForwardingSearchIndex(SolrSearchIndex.open(settings, DIMENSION)) {
            @Override
            public void close() {
                super.close();
                TestSolr.drop(settings);
            }
        };
    }

    private static SearchDocument doc(String id, String title) {
        return SearchDocument.text(id, title, "", null);
    }

    private static List<String> ids(SearchIndex index, String words) {
        return index.keyword(KeywordQuery.text(words), ResultOrder.RELEVANCE, 0, 10).hits().stream().map(Hit::id)
                .toList();
    }

    @Test
    void aFirstOpenUploadsTheConfigsetAndCreatesTheCollectionBehindTheAlias() {
        SolrSettings settings = TestSolr.settings("first", 2, 2);
        try (SolrSearchIndex index = SolrSearchIndex.open(settings, 3);
                SolrCluster cluster = new SolrCluster(settings)) {
            assertThat(index.generation()).matches(settings.collection() + "_\\d{8}T\\d{6}Z_[0-9a-f]{6}");
            assertThat(cluster.live()).contains(index.generation());
            assertThat(index.fault()).isEmpty();
            index.upsert(List.of(SearchDocument.text("1", "three dimensions", "", new float[] {1, 0, 0})));
            index.refresh();
            assertThat(index.nearest(new float[] {1, 0, 0}, Filters.NONE, 5).hits()).extracting(Hit::id)
                    .containsExactly("1");
            assertThatThrownBy(() -> index.upsert(List.of(SearchDocument.text("2", "two", "",
                    new float[] {1, 0})))).as("the vector field has the dimension given at creation")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void aSecondNodeSeesAnotherNodesWritesAndANewVersionWithinTheWatchInterval() throws InterruptedException {
        SolrSettings settings = TestSolr.settings("nodes", 2, 1);
        try (SolrSearchIndex one = SolrSearchIndex.open(settings, DIMENSION);
                SolrSearchIndex two = SolrSearchIndex.open(settings, DIMENSION)) {
            assertThat(two.generation()).isEqualTo(one.generation());
            String before = two.version();
            one.upsert(List.of(doc("1", "pulsars")));
            one.refresh();
            assertThat(TestSolr.within(SEEN_WITHIN, () -> !two.version().equals(before))).isTrue();
            assertThat(ids(two, "pulsars")).containsExactly("1");
            assertThat(two.stats().documents()).isEqualTo(1);

            String afterAdd = two.version();
            one.upsert(List.of(doc("1", "pulsars, again")));
            one.refresh();
            assertThat(TestSolr.within(SEEN_WITHIN, () -> !two.version().equals(afterAdd))).as("a replaced document")
                    .isTrue();
            String afterReplace = two.version();
            one.delete(List.of("1"));
            one.refresh();
            assertThat(TestSolr.within(SEEN_WITHIN, () -> !two.version().equals(afterReplace))).as("a deleted document")
                    .isTrue();
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void aSwapOnOneNodeIsFollowedByTheOthersAndTheOldCollectionIsDeleted() throws InterruptedException {
        SolrSettings settings = TestSolr.settings("swap", 2, 1);
        try (SolrSearchIndex one = SolrSearchIndex.open(settings, DIMENSION);
                SolrSearchIndex two = SolrSearchIndex.open(settings, DIMENSION);
                SolrCluster cluster = new SolrCluster(settings)) {
            String old = one.generation();
            one.upsert(List.of(doc("1", "old")));
            one.commit();
            String rebuilt;
            try (SearchIndex.Rebuild build = one.rebuild()) {
                rebuilt = build.generation();
                build.add(List.of(doc("2", "new")));
                assertThat(ids(two, "old")).as("the other node searches the live collection meanwhile")
                        .containsExactly("1");
                build.swap();
            }
            assertThat(cluster.live()).contains(rebuilt);
            assertThat(cluster.collections()).as("the old collection %s is deleted", old).doesNotContain(old);
            assertThat(TestSolr.within(SEEN_WITHIN, () -> two.generation().equals(rebuilt))).isTrue();
            assertThat(ids(two, "new")).containsExactly("2");
            assertThat(ids(two, "old")).isEmpty();
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void aRebuildClosedWithoutASwapDeletesItsCollection() {
        SolrSettings settings = TestSolr.settings("unswapped", 2, 1);
        try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION);
                SolrCluster cluster = new SolrCluster(settings)) {
            String abandoned;
            try (SearchIndex.Rebuild build = index.rebuild()) {
                abandoned = build.generation();
                build.add(List.of(doc("1", "never live")));
                assertThat(cluster.collections()).contains(abandoned);
            }
            assertThat(cluster.collections()).doesNotContain(abandoned).contains(index.generation());
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void aRebuildCutShortLeavesTheLiveCollectionAndItsStrayIsDeletedLater() {
        SolrSettings settings = TestSolr.settings("stray", 1, 1);
        Configset configset = Configset.load();
        try (SolrCluster cluster = new SolrCluster(settings)) {
            String live;
            try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION)) {
                live = index.generation();
                index.upsert(List.of(doc("1", "live")));
                index.commit();
            }
            // What a process killed in the middle of a rebuild leaves: a collection the alias does not name.
            String stray = cluster.create(configset, 1, 1, DIMENSION, Instant.now());
            try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION)) {
                assertThat(index.generation()).isEqualTo(live);
                assertThat(ids(index, "live")).containsExactly("1");
                assertThat(cluster.collections()).as("young: perhaps another node's rebuild").contains(stray);
            }
            Clock later = Clock.offset(Clock.systemUTC(), SolrSearchIndex.STRAY_AGE.plusMinutes(1));
            try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION, later)) {
                assertThat(cluster.collections()).as("old enough to be a rebuild that died").doesNotContain(stray)
                        .contains(live);
            }
            String another = cluster.create(configset, 1, 1, DIMENSION, Instant.now());
            try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION);
                    SearchIndex.Rebuild build = index.rebuild()) {
                assertThat(cluster.collections()).as("the next rebuild, under the sync lease, deletes every stray")
                        .doesNotContain(another).contains(live, build.generation());
            }
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void aQueryWithMoreClausesThanSolrRunsIsRefusedAsInvalid() {
        SolrSettings settings = TestSolr.settings("clauses", 1, 1);
        try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION)) {
            String words = IntStream.range(0, 600).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
            assertThatThrownBy(() -> index.keyword(KeywordQuery.text(words), ResultOrder.RELEVANCE, 0, 10))
                    .isInstanceOf(InvalidQueryException.class).hasMessage("the query has too many words")
                    .extracting(e -> ((InvalidQueryException) e).reason())
                    .isEqualTo(InvalidQueryException.Reason.TOO_COMPLEX);
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void queryOperatorsInUserTextArePlainWords() {
        SolrSettings settings = TestSolr.settings("syntax", 2, 1);
        try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION)) {
            index.upsert(List.of(doc("1", "title:(a OR b) {!join from=id to=id}x \"quoted\" * ~ ^2"),
                    doc("2", "an unrelated paper")));
            index.refresh();
            assertThat(ids(index, "{!join from=id to=id}x")).containsExactly("1");
            assertThat(ids(index, "title:(a OR b) *:* \" \\")).containsExactly("1");
            assertThat(index.keyword(new KeywordQuery("", List.of("OR b) {!join"), Filters.NONE, false),
                    ResultOrder.RELEVANCE, 0, 10).hits()).extracting(Hit::id).containsExactly("1");
        } finally {
            TestSolr.drop(settings);
        }
    }

    @Test
    void anUnreachableClusterIsOneClearError() throws IOException {
        int port = TestPorts.free();
        SolrSettings nowhere = TestSolr.settings(List.of(URI.create("http://127.0.0.1:" + port + "/solr")),
                "nowhere", 1, 1);
        assertThatThrownBy(() -> SolrSearchIndex.open(nowhere, DIMENSION))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageStartingWith("cannot open the search index on Solr at [http://127.0.0.1:" + port
                        + "/solr] (search.solr.urls): ");
    }

    @Test
    void aUrlThatIsNotSolrsIsOneClearError() {
        URI solr = TestSolr.urls().getFirst();
        SolrSettings wrongPath = TestSolr.settings(List.of(solr.resolve("/nothing-here")), "wrong", 1, 1);
        assertThatThrownBy(() -> SolrSearchIndex.open(wrongPath, DIMENSION))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageStartingWith("cannot open the search index on Solr at [" + solr.resolve("/nothing-here")
                        + "] (search.solr.urls): ");
    }

    @Test
    void manyDocumentsTieAcrossShardsByDescendingId() {
        SolrSettings settings = TestSolr.settings("ties", 2, 1);
        try (SolrSearchIndex index = SolrSearchIndex.open(settings, DIMENSION)) {
            List<SearchDocument> docs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                docs.add(doc(String.format("%02d", i), "same words"));
            }
            index.upsert(docs);
            index.refresh();
            assertThat(index.keyword(KeywordQuery.text("same"), ResultOrder.RELEVANCE, 0, 40).hits())
                    .extracting(Hit::id).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(40);
        } finally {
            TestSolr.drop(settings);
        }
    }
}
