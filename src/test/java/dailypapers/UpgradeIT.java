package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.account.Member;
import dailypapers.backup.BackupManifest;
import dailypapers.backup.Backups;
import dailypapers.paper.ArxivId;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.DatabaseException;
import dailypapers.store.SchemaVersions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades: a database made by an earlier release (schema 23, see src/test/resources/upgrade/README.md) is backed
 * up, then migrated forward with every row kept; one made by a newer version is refused and left as it was.
 */
class UpgradeIT {

    private static final int FIXTURE_SCHEMA = 23;

    @TempDir
    Path dir;

    @Test
    void anOlderSqliteDatabaseIsBackedUpThenMigratedKeepingEveryRow() throws IOException {
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dataDir);
        try (InputStream in = new GZIPInputStream(fixture("schema-23-sqlite.db.gz"))) {
            Files.copy(in, dataDir.resolve("dailypapers.db"));
        }
        upgradeKeepsEveryRow(new DatabaseConfig("jdbc:sqlite:" + dataDir.resolve("dailypapers.db"), null, null, 4),
                dataDir);
    }

    @Test
    void anOlderPostgresDatabaseIsBackedUpThenMigratedKeepingEveryRow() throws IOException, SQLException {
        DatabaseConfig database = TestDatabases.freshPostgres();
        try {
            String dump;
            try (InputStream in = new GZIPInputStream(fixture("schema-23-postgresql.sql.gz"))) {
                dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                    database.password()); Statement statement = connection.createStatement()) {
                statement.execute(dump);
            }
            upgradeKeepsEveryRow(database, dir.resolve("data"));
        } finally {
            TestDatabases.dropPostgres(database);
        }
    }

    private void upgradeKeepsEveryRow(DatabaseConfig database, Path dataDir) throws IOException {
        assertThat(SchemaVersions.of(database)).contains(FIXTURE_SCHEMA);
        Map<String, List<String>> before = TableRows.of(database);
        Path backups = dataDir.resolve("backups");
        Config config = new Config(dataDir, database, "127.0.0.1", 0).withUpgradeBackupDir(Optional.of(backups));

        try (App app = App.open(config, Clock.systemUTC())) {
            assertThat(app.feed().papers().counts().papers()).isEqualTo(200);
            Member ada = app.accounts().service().member("ada@example.org").orElseThrow();
            assertThat(app.accounts().service().signIn("ada@example.org", "correct horse battery staple"))
                    .isPresent();
            // Ada upvoted 20 papers; one of them is hidden, and listings leave hidden papers out.
            assertThat(app.votes().service().upvotedBy(ada.id(), 0, 100).items()).hasSize(19);
            ArxivId commented = app.comments().service().latestBy(ada.id(), 1).getFirst().paperId();
            assertThat(app.comments().service().thread(commented)).extracting(p -> p.comment().source())
                    .contains("A **bold** claim, edited.", "A reply.");
            assertThat(app.libraries().service().collections(ada.id())).extracting(c -> c.name().value())
                    .containsExactly("Reading group");
        }

        assertThat(SchemaVersions.of(database)).contains(SchemaVersions.LATEST);
        Map<String, List<String>> after = TableRows.of(database);
        // The sign-in above added the one session.
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table)
                .hasSize(rows.size() + (table.equals("member_session") ? 1 : 0)));
        // Tables no migration since 23 touched keep every row exactly.
        for (String table : List.of("paper", "paper_author", "paper_vector", "member", "vote", "comment",
                "library_entry", "collection_paper", "flag", "paper_hidden", "audit_log", "api_token")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(after.get("featured")).as("V26 scored every featured paper")
                .allSatisfy(row -> assertThat(row).doesNotContain("trending=0.0,"));

        List<Path> files;
        try (Stream<Path> listing = Files.list(backups)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> assertThat(file.getFileName().toString())
                .startsWith("before-upgrade-schema-" + FIXTURE_SCHEMA + "-to-" + SchemaVersions.LATEST + "-")
                .endsWith(".zip"));
        Backups tool = new Backups(Clock.systemUTC());
        BackupManifest manifest = tool.verify(files.getFirst());
        assertThat(manifest.schemaVersion()).isEqualTo(FIXTURE_SCHEMA);
        assertThat(manifest.tables()).allSatisfy(table ->
                assertThat(table.rows()).as(table.name()).isEqualTo(before.get(table.name()).size()));

        // The backup taken before the upgrade restores, and is migrated forward on the way in.
        DatabaseConfig restored = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("restored.db"), null, null, 4);
        tool.restore(files.getFirst(), restored, false, Backups.Progress.NONE);
        assertThat(SchemaVersions.of(restored)).contains(SchemaVersions.LATEST);
        Map<String, List<String>> restoredRows = TableRows.of(restored);
        before.forEach((table, rows) -> assertThat(restoredRows.get(table)).as(table).hasSameSizeAs(rows));
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftAsItWas() throws SQLException {
        DatabaseConfig database = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("newer.db"), null, null, 4);
        Config config = new Config(dir.resolve("data"), database, "127.0.0.1", 0)
                .withUpgradeBackupDir(Optional.of(dir.resolve("backups")));
        App.open(config, Clock.systemUTC()).close();
        int newer = SchemaVersions.LATEST + 1;
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (1000, '" + newer + "', 'from the "
                    + "future', 'SQL', 'V" + newer + "__future.sql', 0, 'test', 1, 1)");
        }
        Map<String, List<String>> before = TableRows.of(database);
        long history = historyRows(database);

        assertThatThrownBy(() -> App.open(config, Clock.systemUTC()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has schema version " + newer)
                .hasMessageContaining("newer than this Daily Papers " + AppVersion.current())
                .hasMessageContaining("(schema " + SchemaVersions.LATEST + ")");

        assertThat(TableRows.of(database)).isEqualTo(before);
        assertThat(historyRows(database)).isEqualTo(history);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    private static long historyRows(DatabaseConfig database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static InputStream fixture(String name) {
        return UpgradeIT.class.getResourceAsStream("/upgrade/" + name);
    }
}
