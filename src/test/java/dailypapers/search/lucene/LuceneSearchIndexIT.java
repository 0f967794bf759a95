package dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aHyphenatedWordIsTermsOverTitleAndAbstractNotAPhrase() {
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
            // Terms over title and abstract, no phrase reading positions there (author names are few words).
            assertThat(index.keywordQuery(KeywordQuery.text("multi-agent"), false).toString())
                    .contains("CombinedFieldQuery((abstract title^3.0)(multiag))",
                            "CombinedFieldQuery((abstract title^3.0)(multi))",
                            "CombinedFieldQuery((abstract title^3.0)(agent))")
                    .doesNotContain("title:\"", "abstract:\"");
        }
    }
}
