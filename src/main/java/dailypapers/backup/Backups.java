package dailypapers.backup;

import dailypapers.Config;
import dailypapers.search.SearchIndex;
import dailypapers.search.engine.SearchEngines;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.DatabaseLoader;
import dailypapers.store.DatabaseSnapshot;
import dailypapers.store.SchemaVersions;
import dailypapers.store.TableShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Map;

/**
 * Backup, restore and moves between databases, for the CLI and for the automatic backup before an upgrade. A
 * backup reads the database through one snapshot while it serves; a restore checks the whole file before it writes
 * anything, then loads it as {@link DatabaseLoader} describes; a move does both at once, without a file.
 */
public final class Backups {

    /** Receives each table's row count as the work moves on. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (table, rows) -> { };

        void table(String name, long rows);
    }

    /**
     * What a backup, restore or move did: rows per table in copy order, the schema version carried, the time, and
     * where the rows came from and went (a database as its URL without credentials, or a file).
     */
    public record Summary(Map<String, Long> rows, int schemaVersion, Duration took, String from, String to) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    public Backups(Clock clock) {
        this.clock = clock;
    }

    /** Writes a backup of the configured database to {@code file}, which must not exist. */
    public Summary backup(Config config, Path file, Progress progress) {
        return backup(config.database(), file, progress);
    }

    /**
     * Restores {@code file} into the configured database, as {@code restore(Path, DatabaseConfig, …)} does, holding
     * the data directory's search index meanwhile: a server that uses it refuses to start, and one already running
     * makes the restore refuse, with the index's "in use" error. A shared engine's index (Solr) is not held: the
     * servers' next sync finds the restored database.
     */
    public Summary restore(Path file, Config config, boolean force, Progress progress) {
        if (config.search().engine().isShared()) {
            return restore(file, config.database(), force, progress);
        }
        try (SearchIndex held = SearchEngines.open(config.search(), config.dataDir())) {
            return restore(file, config.database(), force, progress);
        }
    }

    /** Copies the configured database into the one at {@code url}, as {@code copy(DatabaseConfig, …)} does. */
    public Summary copy(Config config, String url, String user, String password, boolean force, Progress progress) {
        DatabaseConfig target;
        try {
            target = new DatabaseConfig(url, user, password, 1);
        } catch (IllegalArgumentException e) {
            throw new BackupException("--to: " + e.getMessage(), e);
        }
        return copy(config.database(), target, force, progress);
    }

    /** Writes a backup of {@code source} to {@code file}, which must not exist. */
    public Summary backup(DatabaseConfig source, Path file, Progress progress) {
        if (Files.exists(file)) {
            throw new BackupException(file + " already exists: choose another name, or remove it first");
        }
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new BackupException("cannot write " + file + ": no directory " + directory);
        }
        Instant started = clock.instant();
        try (DatabaseSnapshot snapshot = DatabaseSnapshot.open(source)) {
            BackupManifest manifest = BackupArchive.write(snapshot, file, started.toString(), progress::table);
            return summary(manifest.tables().stream()
                    .collect(LinkedHashMap::new, (m, t) -> m.put(t.name(), t.rows()), Map::putAll),
                    manifest.schemaVersion(), started, source.description(), file.toString());
        } catch (IOException e) {
            throw new BackupException("cannot write " + file + ": " + describe(e) + "; nothing was kept", e);
        }
    }

    /**
     * Backs {@code source} up into {@code directory} before migrations take it from schema {@code from} to
     * {@code to}, so an upgrade that goes wrong can be undone; returns the file.
     */
    public Path backupBeforeUpgrade(DatabaseConfig source, Path directory, int from, int to) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BackupException("cannot create the backup directory " + directory + ": " + describe(e), e);
        }
        Path file = directory.resolve("before-upgrade-schema-" + from + "-to-" + to + "-"
                + FILE_TIME.format(clock.instant()) + ".zip");
        backup(source, file, Progress.NONE);
        return file;
    }

    /** Reads a whole backup and checks it; returns its manifest. Writes nothing. */
    public BackupManifest verify(Path file) {
        try (BackupArchive.Reader reader = BackupArchive.Reader.open(file)) {
            reader.verify();
            return reader.manifest();
        }
    }

    /**
     * Restores {@code file} into {@code target}, which must hold no table unless {@code force}, when everything in
     * it is dropped first. The file is checked whole before the target is touched.
     */
    public Summary restore(Path file, DatabaseConfig target, boolean force, Progress progress) {
        Instant started = clock.instant();
        try (BackupArchive.Reader reader = BackupArchive.Reader.open(file)) {
            reader.verify();
            BackupManifest manifest = reader.manifest();
            try (DatabaseLoader loader = prepare(target, force)) {
                loader.begin(file.toAbsolutePath().toString(), manifest.schemaVersion());
                Map<String, Long> rows = new LinkedHashMap<>();
                for (BackupManifest.Table table : manifest.tables()) {
                    try (DatabaseLoader.TableWriter writer = loader.table(table.name(),
                            table.columns().stream().map(BackupManifest.Column::name).toList())) {
                        reader.rows(table, writer::add);
                        rows.put(table.name(), writer.finish());
                    }
                    progress.table(table.name(), rows.get(table.name()));
                }
                checkCounts(loader, rows);
                loader.finish();
                return summary(rows, manifest.schemaVersion(), started, file.toString(), target.description());
            }
        }
    }

    /** Copies everything in {@code source} into {@code target}, as a backup and a restore would, without a file. */
    public Summary copy(DatabaseConfig source, DatabaseConfig target, boolean force, Progress progress) {
        if (source.url().equals(target.url())) {
            throw new BackupException("the database to copy to is the one to copy from: " + target.description());
        }
        Instant started = clock.instant();
        try (DatabaseSnapshot snapshot = DatabaseSnapshot.open(source)) {
            if (snapshot.schemaVersion() > SchemaVersions.LATEST) {
                throw new BackupException("the database at " + source.description() + " has schema version "
                        + snapshot.schemaVersion() + ", newer than this Daily Papers knows (schema "
                        + SchemaVersions.LATEST + "): copy it with the version that migrated it");
            }
            try (DatabaseLoader loader = prepare(target, force)) {
                loader.begin(source.description(), snapshot.schemaVersion());
                Map<String, Long> rows = new LinkedHashMap<>();
                for (TableShape table : snapshot.tables()) {
                    try (DatabaseLoader.TableWriter writer = loader.table(table.name(),
                            table.columns().stream().map(TableShape.Column::name).toList())) {
                        long read = snapshot.read(table, writer::add);
                        rows.put(table.name(), read);
                        writer.finish();
                    }
                    progress.table(table.name(), rows.get(table.name()));
                }
                checkCounts(loader, rows);
                loader.finish();
                return summary(rows, snapshot.schemaVersion(), started, source.description(),
                        target.description());
            }
        } catch (IOException e) {
            throw new BackupException("cannot copy the database: " + describe(e), e);
        }
    }

    private static DatabaseLoader prepare(DatabaseConfig target, boolean force) {
        DatabaseLoader loader = DatabaseLoader.open(target);
        try {
            if (!loader.isEmpty()) {
                if (!force) {
                    throw new BackupException("the database at " + target.description() + " is not empty: restore "
                            + "into an empty data directory or a fresh database, or add --force to replace everything "
                            + "in it");
                }
                loader.clear();
            }
            return loader;
        } catch (RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    /** Every table holds, in the load's transaction, exactly the rows that were written to it. */
    private static void checkCounts(DatabaseLoader loader, Map<String, Long> written) {
        Map<String, Long> counted = loader.counts();
        for (var table : written.entrySet()) {
            long count = counted.getOrDefault(table.getKey(), 0L);
            if (count != table.getValue()) {
                throw new BackupException("table " + table.getKey() + " holds " + count + " rows after the copy where "
                        + table.getValue() + " were written; nothing was committed");
            }
        }
    }

    private Summary summary(Map<String, Long> rows, int schemaVersion, Instant started, String from, String to) {
        return new Summary(Collections.unmodifiableMap(new LinkedHashMap<>(rows)), schemaVersion,
                Duration.between(started, clock.instant()), from, to);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
