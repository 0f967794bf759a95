package dailypapers.search;

import java.time.Instant;
import java.util.Optional;

/**
 * Where each index generation's sync stands, kept in the database beside the data it derives from. A local index
 * (one per machine) has its own generation and so its own row; all nodes of a shared engine serve one generation
 * and share one row.
 */
public interface SyncCheckpointStore {

    Optional<SyncCheckpoint> find(String generation);

    /** Records the checkpoint, replacing the one the generation had. */
    void save(SyncCheckpoint checkpoint);

    /** Forgets a generation that was swapped out. */
    void delete(String generation);

    /**
     * @param schema   the document schema the generation was built with ({@link SearchIndexer#SCHEMA_VERSION})
     * @param model    the embedding model whose vectors it holds; empty text when none
     * @param syncedAt the database writes read up to (the last sync's start): the next sync reads from here, less
     *                 a safety margin
     */
    record SyncCheckpoint(String generation, String schema, String model, Instant syncedAt) {
    }
}
