package dailypapers.store;

import dailypapers.ops.InstallationStore;
import dailypapers.ops.SchemaStatus;
import dailypapers.search.SyncCheckpointStore.SyncCheckpoint;
import java.util.Optional;

/** The doctor's reads over a database opened without migrating; closing it closes the database. */
public final class JdbiInstallationStore implements InstallationStore {

    private final Database database;
    private final JdbiSearchStore papers;
    private final JdbiSyncCheckpointStore checkpoints;

    public JdbiInstallationStore(Database database) {
        this.database = database;
        this.papers = new JdbiSearchStore(database);
        this.checkpoints = new JdbiSyncCheckpointStore(database);
    }

    @Override
    public SchemaStatus schema() {
        return database.schema();
    }

    @Override
    public long papers() {
        return papers.countPapers();
    }

    @Override
    public Optional<SyncCheckpoint> syncCheckpoint(String generation) {
        return checkpoints.find(generation);
    }

    @Override
    public void close() {
        database.close();
    }
}
