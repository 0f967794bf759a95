package dailypapers.search;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far search has come, for the admin page and {@code /api/search/status}: papers in the database and in the
 * index, how many carry a vector, how many still lack one, and what the embedding job is doing.
 *
 * @param model the configured embedding model; empty when none is
 * @param missingVectors papers without a vector from the model; empty without a model
 * @param embedding the server's embedding job; empty without a model
 */
public record SearchStatus(Optional<String> model, long papers, long indexed, long indexedWithVectors,
        OptionalLong missingVectors, boolean isBuilding, Optional<EmbeddingJob.Progress> embedding) {
}
