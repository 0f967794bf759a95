package dailypapers.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.App;
import dailypapers.TableRows;
import dailypapers.TestDatabase;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.DatabaseException;
import dailypapers.store.SchemaVersions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore on one database kind, restoring into both kinds; see docs/operations.md. */
abstract class BackupsContract {

    /** Tables {@link BackupFixture} writes rows in. */
    private static final Set<String> FILLED = Set.of("paper", "paper_author", "paper_category", "featured",
            "paper_vector", "member", "api_token", "vote", "comment", "library_entry", "paper_collection",
            "collection_paper", "subscription", "subscription_topic", "flag", "paper_hidden", "audit_log",
            "instance_secret", "mail_outbox");

    private final TestDatabase kind;
    private final List<Runnable> cleanups = new ArrayList<>();
    private final Backups backups = new Backups(Clock.systemUTC());

    @TempDir
    Path dir;

    BackupsContract(TestDatabase kind) {
        this.kind = kind;
    }

    @AfterEach
    void dropDatabases() {
        Collections.reverse(cleanups);
        cleanups.forEach(Runnable::run);
    }

    private DatabaseConfig fresh(TestDatabase of) {
        DatabaseConfig database = of.open();
        cleanups.add(() -> of.drop(database));
        return database;
    }

    private App filledApp(DatabaseConfig database) {
        App app = BackupFixture.open(database, dir.resolve("source"));
        cleanups.add(app::close);
        BackupFixture.fill(app, database);
        return app;
    }

    @Test
    void aRestoreHoldsEveryRowOfEveryCarriedTableOnEitherDatabase() {
        DatabaseConfig source = fresh(kind);
        filledApp(source);
        Path file = dir.resolve("backup.zip");

        Backups.Summary written = backups.backup(source, file, Backups.Progress.NONE);

        Map<String, List<String>> expected = TableRows.of(source);
        assertThat(expected).as("the fixture writes these tables").allSatisfy((table, rows) -> {
            if (FILLED.contains(table)) {
                assertThat(rows).as(table).isNotEmpty();
            }
        }).containsKeys(FILLED.toArray(String[]::new));
        assertThat(written.rows()).containsOnlyKeys(expected.keySet());
        for (TestDatabase into : TestDatabase.values()) {
            DatabaseConfig target = fresh(into);
            Backups.Summary restored = backups.restore(file, target, false, Backups.Progress.NONE);
            assertThat(restored.rows()).isEqualTo(written.rows());
            Map<String, List<String>> actual = TableRows.of(target);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            expected.forEach((table, rows) -> assertThat(actual.get(table)).as(into + " " + table).isEqualTo(rows));
            assertThat(SchemaVersions.of(target)).contains(SchemaVersions.LATEST);
            assertThat(rowCounts(target)).as("the row counts status pages read").containsExactlyInAnyOrderEntriesOf(
                    Map.of("paper", 1_000L, "featured", (long) expected.get("featured").size(),
                            "paper_vector:bge-small-en-v1.5-q", 20L));
        }
    }

    private static Map<String, Long> rowCounts(DatabaseConfig database) {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name, value FROM store_count")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @Test
    void aRestoredDatabaseServesAndItsCountsAndIdsCarryOn() throws SQLException {
        DatabaseConfig source = fresh(kind);
        filledApp(source);
        Path file = dir.resolve("backup.zip");
        backups.backup(source, file, Backups.Progress.NONE);
        for (TestDatabase into : TestDatabase.values()) {
            DatabaseConfig target = fresh(into);
            backups.restore(file, target, false, Backups.Progress.NONE);
            try (App restored = BackupFixture.open(target, dir.resolve("restored-" + into))) {
                assertThat(restored.feed().papers().counts().papers()).isEqualTo(1_000);
                Member ada = restored.accounts().service().signIn("ada@example.org", BackupFixture.PASSWORD)
                        .map(session -> restored.accounts().service().member("ada@example.org").orElseThrow())
                        .orElseThrow();
                // A new member and comment get ids after the copied ones (PostgreSQL's identities moved on).
                Member grace = BackupFixture.member(restored, "grace", Role.MEMBER);
                assertThat(grace.id()).isGreaterThan(ada.id());
                ArxivId paper = restored.comments().service().latestBy(ada.id(), 1).getFirst().paperId();
                long reply = restored.comments().service().post(grace, "127.0.0.1", paper, Optional.empty(), "New.");
                assertThat(restored.comments().service().thread(paper)).hasSize(3)
                        .anySatisfy(placed -> assertThat(placed.comment().id()).isEqualTo(reply));
                restored.votes().service().set(grace.id(), paper, true);
            }
            // The triggers are on again: the new vote and comment are counted on their paper.
            assertConsistent(target);
        }
    }

    /** The test: votes and comments go on during the backup; what was committed before it is restored. */
    @Test
    void aBackupTakenUnderLoadRestoresEveryRowCommittedBeforeItBegan() throws Exception {
        DatabaseConfig source = fresh(kind);
        App app = filledApp(source);
        List<ArxivId> ids = dailypapers.TestData.sampleRecords().stream()
                .map(r -> ArxivId.parse(r.get("id").asText())).toList();
        List<Member> voters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            voters.add(BackupFixture.member(app, "voter" + i, Role.MEMBER));
        }
        record Write(String table, String key, long returnedAt) {
        }
        List<Write> writes = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(voters.size());
        List<Future<?>> running = new ArrayList<>();
        for (int v = 0; v < voters.size(); v++) {
            Member voter = voters.get(v);
            int offset = v * 300;
            running.add(load.submit(() -> {
                for (int i = 0; !stop.get() && i < 300; i++) {
                    try {
                        ArxivId paper = ids.get(offset + i);
                        app.votes().service().set(voter.id(), paper, true);
                        writes.add(new Write("vote", paper.value() + "/" + voter.id(), System.nanoTime()));
                        long comment = app.comments().service().post(voter, "127.0.0.1", paper, Optional.empty(),
                                "Comment " + i + " by " + voter.handle());
                        writes.add(new Write("comment", String.valueOf(comment), System.nanoTime()));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        while (writes.size() < 30) {
            Thread.sleep(5);
        }
        Map<String, List<String>> before = TableRows.of(source);
        long began = System.nanoTime();
        Path file = dir.resolve("under-load.zip");
        backups.backup(source, file, Backups.Progress.NONE);
        long ended = System.nanoTime();
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        load.shutdown();
        assertThat(failures).as("writes during the backup").isEmpty();
        assertThat(writes).as("writes went on while the backup ran")
                .anyMatch(w -> w.returnedAt() > began && w.returnedAt() < ended);

        DatabaseConfig target = fresh(kind);
        backups.restore(file, target, false, Backups.Progress.NONE);
        Map<String, List<String>> restored = TableRows.of(target);
        Map<String, List<String>> after = TableRows.of(source);
        Set<String> changing = Set.of("paper", "featured", "vote", "comment");
        before.forEach((table, rows) -> {
            if (changing.contains(table)) {
                assertThat(keys(restored.get(table), table)).as(table).containsAll(keys(rows, table));
                if (!table.equals("paper") && !table.equals("featured")) {
                    assertThat(after.get(table)).as(table + ": nothing invented").containsAll(restored.get(table));
                }
            } else {
                assertThat(restored.get(table)).as(table).isEqualTo(rows);
            }
        });
        Set<String> restoredVotes = keys(restored.get("vote"), "vote");
        Set<String> restoredComments = keys(restored.get("comment"), "comment");
        for (Write write : writes) {
            if (write.returnedAt() < began) {
                assertThat(write.table().equals("vote") ? restoredVotes : restoredComments)
                        .as("committed before the backup began").contains(write.key());
            }
        }
        assertConsistent(target);
    }

    private static Set<String> keys(List<String> rows, String table) {
        Set<String> keys = new HashSet<>();
        for (String row : rows) {
            keys.add(switch (table) {
                case "vote" -> field(row, "paper_id") + "/" + field(row, "voter").replace("member:", "");
                case "featured" -> field(row, "paper_id");
                default -> field(row, "id");
            });
        }
        return keys;
    }

    private static String field(String row, String name) {
        int at = row.startsWith("{" + name + "=") ? 0 : row.indexOf(", " + name + "=") + 1;
        int start = at + name.length() + 2;
        int end = row.indexOf(", ", start);
        return row.substring(start, end < 0 ? row.length() - 1 : end);
    }

    /** A snapshot, not a smear: each paper's counts agree with the vote and comment rows restored beside it. */
    private static void assertConsistent(DatabaseConfig database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM paper p WHERE p.upvotes <> "
                        + "p.upstream_upvotes + (SELECT COUNT(*) FROM vote v WHERE v.paper_id = p.id) "
                        + "OR p.member_comments <> (SELECT COUNT(*) FROM comment c WHERE c.paper_id = p.id "
                        + "AND c.state = 'visible')")) {
            rs.next();
            assertThat(rs.getLong(1)).as("papers whose counts disagree with their rows").isZero();
        }
    }

    @Test
    void aTruncatedBackupIsRefusedAndTheTargetIsLeftUntouched() throws IOException {
        Path file = backupOfFilledDatabase();
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatabaseConfig target = fresh(TestDatabase.SQLITE);

        assertThatThrownBy(() -> backups.restore(truncated, target, false, Backups.Progress.NONE))
                .isInstanceOf(BackupException.class).hasMessageContaining("truncated");
        assertThat(SchemaVersions.of(target)).isEmpty();
    }

    @Test
    void aDamagedEntryIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = backupOfFilledDatabase();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x5a;
        Path damaged = dir.resolve("damaged.zip");
        Files.write(damaged, bytes);
        DatabaseConfig target = fresh(TestDatabase.SQLITE);

        assertThatThrownBy(() -> backups.restore(damaged, target, false, Backups.Progress.NONE))
                .isInstanceOf(BackupException.class).hasMessageContaining("is corrupt");
        assertThat(SchemaVersions.of(target)).isEmpty();
    }

    @Test
    void rowsThatDoNotMatchTheirChecksumAreRefused() throws IOException {
        Path file = backupOfFilledDatabase();
        Path edited = rewrite(file, "tables/member.jsonl", text -> text.replace("Member ada", "Member eve"));

        assertThatThrownBy(() -> backups.verify(edited)).isInstanceOf(BackupException.class)
                .hasMessageContaining("the rows of table member do not match the checksum in its manifest");
    }

    @Test
    void aBackupFromANewerSchemaIsRefusedWithTheVersions() throws IOException {
        Path file = backupOfFilledDatabase();
        Path newer = rewrite(file, "manifest.json", text -> text.replace(
                "\"schemaVersion\" : " + SchemaVersions.LATEST, "\"schemaVersion\" : " + (SchemaVersions.LATEST + 1)));

        assertThatThrownBy(() -> backups.restore(newer, fresh(TestDatabase.SQLITE), false, Backups.Progress.NONE))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("holds schema version " + (SchemaVersions.LATEST + 1))
                .hasMessageContaining("knows (schema " + SchemaVersions.LATEST + ")");
    }

    @Test
    void aDatabaseThatIsNotEmptyIsOnlyReplacedWithForce() throws IOException {
        Path file = backupOfFilledDatabase();
        DatabaseConfig target = fresh(kind);
        try (App other = BackupFixture.open(target, dir.resolve("other"))) {
            BackupFixture.member(other, "someone", Role.MEMBER);
        }

        assertThatThrownBy(() -> backups.restore(file, target, false, Backups.Progress.NONE))
                .isInstanceOf(BackupException.class).hasMessageContaining("is not empty")
                .hasMessageContaining("--force");
        assertThat(TableRows.of(target).get("member")).hasSize(1);

        backups.restore(file, target, true, Backups.Progress.NONE);
        assertThat(TableRows.of(target).get("member")).hasSize(3);
    }

    @Test
    void aRestoreCutShortLeavesTheDatabaseMarkedUnusableUntilRestoredAgain() throws IOException {
        Path file = backupOfFilledDatabase();
        DatabaseConfig target = fresh(kind);

        assertThatThrownBy(() -> backups.restore(file, target, false, (table, rows) -> {
            if (table.equals("paper")) {
                throw new IllegalStateException("cut short");
            }
        })).hasMessage("cut short");

        assertThatThrownBy(() -> Database.open(target, new SimpleMeterRegistry()).close())
                .isInstanceOf(DatabaseException.class).hasMessageContaining("holds an unfinished restore")
                .hasMessageContaining(file.toString());
        backups.restore(file, target, true, Backups.Progress.NONE);
        try (Database database = Database.open(target, new SimpleMeterRegistry())) {
            assertThat(database.whyUnreachable(Duration.ofSeconds(5))).isEmpty();
        }
    }

    @Test
    void aBackupCutShortLeavesNoFileThatLooksComplete() {
        DatabaseConfig source = fresh(kind);
        filledApp(source);
        Path file = dir.resolve("cut.zip");

        assertThatThrownBy(() -> backups.backup(source, file, (table, rows) -> {
            if (table.equals("paper")) {
                throw new IllegalStateException("cut short");
            }
        })).hasMessage("cut short");

        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cut.zip.partial")).doesNotExist();
    }

    @Test
    void copyingIntoTheOtherDatabaseCarriesEveryRow() {
        DatabaseConfig source = fresh(kind);
        filledApp(source);
        TestDatabase other = kind == TestDatabase.SQLITE ? TestDatabase.POSTGRES : TestDatabase.SQLITE;
        DatabaseConfig target = fresh(other);

        Backups.Summary copied = backups.copy(source, target, false, Backups.Progress.NONE);

        Map<String, List<String>> expected = TableRows.of(source);
        assertThat(copied.rows()).containsOnlyKeys(expected.keySet());
        assertThat(TableRows.of(target)).isEqualTo(expected);
        assertThatThrownBy(() -> backups.copy(source, target, false, Backups.Progress.NONE))
                .isInstanceOf(BackupException.class).hasMessageContaining("is not empty");
    }

    private Path backupOfFilledDatabase() {
        DatabaseConfig source = fresh(kind);
        filledApp(source);
        Path file = dir.resolve("backup-" + System.nanoTime() + ".zip");
        backups.backup(source, file, Backups.Progress.NONE);
        return file;
    }

    /** A copy of {@code file} with one entry's text changed and everything else as it was. */
    private Path rewrite(Path file, String entry, UnaryOperator<String> change) throws IOException {
        Path copy = dir.resolve("rewritten-" + System.nanoTime() + ".zip");
        try (ZipFile zip = new ZipFile(file.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    if (e.getName().equals(entry)) {
                        String changed = change.apply(new String(bytes, StandardCharsets.UTF_8));
                        assertThat(changed).as("the change applies").isNotEqualTo(new String(bytes,
                                StandardCharsets.UTF_8));
                        bytes = changed.getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        return copy;
    }
}
