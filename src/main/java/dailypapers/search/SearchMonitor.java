package dailypapers.search;

import java.util.Optional;
import java.util.OptionalLong;

/** Puts together the {@link SearchStatus}: what the index holds, what the database holds, and the job's progress. */
public final class SearchMonitor {

    private final SearchService search;
    private final SearchStore papers;
    private final VectorStore vectors;
    private final Optional<EmbeddingJob> embedding;

    /** @param embedding the server's embedding job; empty when no model is configured */
    public SearchMonitor(SearchService search, SearchStore papers, VectorStore vectors,
            Optional<EmbeddingJob> embedding) {
        this.search = search;
        this.papers = papers;
        this.vectors = vectors;
        this.embedding = embedding;
    }

    /** Reads the counts the database keeps as rows change: no table is counted per request. */
    public SearchStatus status() {
        SearchService.Status index = search.status();
        OptionalLong missing = index.model().map(m -> OptionalLong.of(vectors.countMissing(m)))
                .orElse(OptionalLong.empty());
        return new SearchStatus(index.model(), papers.countPapers(), index.documents(), index.documentsWithVectors(),
                missing, index.isBuilding(), embedding.map(EmbeddingJob::progress));
    }
}
