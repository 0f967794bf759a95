package dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.search.Filters;
import dailypapers.search.Hit;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.InvalidQueryException;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchDocument;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchIndexContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexIT extends SearchIndexContract {

    @TempDir
    Path dir;

    @Override
    protected SearchIndex openIndex() {
        return LuceneSearchIndex.inMemory();
    }

    private static SearchDocument doc(String id, String title) {
        return SearchDocument.text(id, title, "", null);
    }

    private static List<String> ids(SearchIndex index, String words) {
        return index.keyword(KeywordQuery.text(words), ResultOrder.RELEVANCE, 0, 10).hits().stream().map(Hit::id)
                .toList();
    }

    private static List<String> phrase(SearchIndex index, String phrase) {
        return index.keyword(new KeywordQuery("", List.of(phrase), Filters.NONE, false), ResultOrder.RELEVANCE, 0,
                10).hits().stream().map(Hit::id).toList();
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSwappedGenerationIsTheOneServedAfterARestartAndTheOldFolderIsGone() throws IOException {
        String generation;
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            String first = index.generation();
            try (SearchIndex.Rebuild build = index.rebuild()) {
                build.add(List.of(doc("1", "kept")));
                build.swap();
                generation = build.generation();
            }
            assertThat(entries()).doesNotContain(first).contains(generation);
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.generation()).isEqualTo(generation);
            assertThat(ids(index, "kept")).containsExactly("1");
        }
        assertThat(entries()).containsExactlyInAnyOrder(generation, "live", "write.lock");
    }

    @Test
    void aHalfBuiltGenerationLeftByACrashIsDiscardedAtTheNextOpen() throws IOException {
        String generation;
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.upsert(List.of(doc("1", "live")));
            index.commit();
            generation = index.generation();
        }
        // What a process killed mid-rebuild leaves: a generation folder that "live" does not name.
        Path halfBuilt = Files.createDirectories(dir.resolve("3f0c4a52-half-built"));
        Files.writeString(halfBuilt.resolve("_0.cfs"), "partial");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThat(index.generation()).isEqualTo(generation);
            assertThat(ids(index, "live")).containsExactly("1");
        }
        assertThat(halfBuilt).doesNotExist();
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedWhileTheFirstHoldsIt() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            assertThatThrownBy(() -> LuceneSearchIndex.open(dir)).isInstanceOf(IndexUnavailableException.class)
                    .hasMessageContaining("in use by another process");
        }
    }

    @Test
    void aQueryWithMoreClausesThanLuceneRunsIsRefusedAsInvalid() {
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
            String words = IntStream.range(0, 600).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
            assertThatThrownBy(() -> index.keyword(KeywordQuery.text(words), ResultOrder.RELEVANCE, 0, 10))
                    .isInstanceOf(InvalidQueryException.class).hasMessage("the query has too many words")
                    .extracting(e -> ((InvalidQueryException) e).reason())
                    .isEqualTo(InvalidQueryException.Reason.TOO_COMPLEX);
        }
    }

    @Test
    void closeReleasesEveryResourceWhenOnePartFailsAndThrowsTheFailure() {
        LuceneSearchIndex index = LuceneSearchIndex.open(dir, directory -> new FilterDirectory(directory) {
            @Override
            public void close() throws IOException {
                super.close();
                throw new IOException("disk gone");
            }
        });
        index.upsert(List.of(doc("1", "words")));

        assertThatThrownBy(index::close).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");

        try (LuceneSearchIndex reopened = LuceneSearchIndex.open(dir)) {
            assertThat(ids(reopened, "words")).as("the writer committed and let go of its lock")
                    .containsExactly("1");
        }
    }

    @Test
    void aHyphenatedWordFindsTheCompoundHyphenatedOrWrittenTogetherAsOneTerm() {
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
            index.upsert(List.of(doc("1", "Multi-agent planning"), doc("2", "Multiagent planning"),
                    doc("3", "Multi agent planning"), doc("4", "Planning for one agent")));
            index.refresh();
            // Its parts are words too: found apart, but below the compound written as the query writes it.
            assertThat(ids(index, "multi-agent")).startsWith("1").containsExactlyInAnyOrder("1", "2", "3", "4");
            assertThat(index.keyword(new KeywordQuery("multi-agent", List.of(), Filters.NONE, true),
                    ResultOrder.RELEVANCE, 0, 10).hits()).extracting(Hit::id)
                    .as("every word required: the compound, or all its parts")
                    .containsExactlyInAnyOrder("1", "2", "3");
            assertThat(ids(index, "multiagent")).containsExactlyInAnyOrder("1", "2");
            assertThat(ids(index, "multi agent")).containsExactlyInAnyOrder("1", "3", "4");
            assertThat(phrase(index, "multi agent planning")).containsExactlyInAnyOrder("1", "3");
            assertThat(phrase(index, "multi-agent planning")).containsExactlyInAnyOrder("1", "3");
            // Terms over title and abstract, no phrase reading positions there (author names are few words).
            assertThat(index.keywordQuery(KeywordQuery.text("multi-agent"), false).toString())
                    .contains("CombinedFieldQuery((abstract title^3.0)(multiag))",
                            "CombinedFieldQuery((abstract title^3.0)(multi))",
                            "CombinedFieldQuery((abstract title^3.0)(agent))")
                    .doesNotContain("title:\"", "abstract:\"");
        }
    }

    @Test
    void compoundsAreWordsJoinedByAHyphenWithALetterOnOneSide() {
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
            index.upsert(List.of(doc("1", "GPT-4 and 1-bit models"), doc("2", "Years 2020-2021")));
            index.refresh();
            assertThat(ids(index, "gpt4")).containsExactly("1");
            assertThat(ids(index, "1bit")).containsExactly("1");
            assertThat(ids(index, "gpt")).containsExactly("1");
            assertThat(ids(index, "20202021")).isEmpty();
            assertThat(ids(index, "2021")).containsExactly("2");
        }
    }
}
