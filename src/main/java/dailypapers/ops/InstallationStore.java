package dailypapers.ops;

import dailypapers.search.SyncCheckpointStore.SyncCheckpoint;
import java.util.Optional;

/** What the doctor reads from the database, never writing: the schema, the papers, where the index's sync stands. */
public interface InstallationStore extends AutoCloseable {

    SchemaStatus schema();

    /** Papers in the database (what the index should hold); only asked when the schema is current. */
    long papers();

    Optional<SyncCheckpoint> syncCheckpoint(String generation);

    @Override
    void close();
}
