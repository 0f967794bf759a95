package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.TestPorts;
import dailypapers.backup.Backups;
import dailypapers.ingest.ImportListener;
import dailypapers.ops.Doctor;
import dailypapers.store.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} as an operator runs it, against real SQLite and PostgreSQL databases, indexes and SMTP servers. */
class DoctorCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** The first line of the report for {@code check} at {@code level}, or null. */
    private String line(String level, String check) {
        return out.toString().lines().filter(l -> l.startsWith(String.format("%-4s  %-8s  ", level, check)))
                .filter(l -> !l.contains("  fix: ")).findFirst().orElse(null);
    }

    @Test
    void aNewDataDirectoryWarnsThatNothingIsThereYetCreatesNothingAndFailsNothing() {
        int code = run("--data-dir", dir.toString(), "doctor");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(line("ok", "config")).contains("loaded from defaults and the environment");
        assertThat(line("warn", "config")).contains("no admin.token while serve listens on 0.0.0.0");
        assertThat(out.toString()).contains("http.base.url is http://localhost:8080")
                .contains("fix: set http.base.url to the address members reach");
        assertThat(line("warn", "database")).contains("no database yet at jdbc:sqlite:");
        assertThat(line("warn", "index")).contains("no search index yet");
        assertThat(line("warn", "mail")).contains("no mail.smtp.host").contains(dir.resolve("outbox").toString());
        assertThat(out.toString()).containsPattern("(?m)^(ok  |warn)  disk      .* free of .* at ");
        assertThat(out.toString()).contains("0 failed, ");
        assertThat(dir.resolve("dailypapers.db")).doesNotExist();
        assertThat(dir.resolve("index")).doesNotExist();
    }

    @Test
    void anIndexInStepWithTheDatabaseIsOkWhileTheServerHoldsItAndOneOutOfStepIsAWarning() throws Exception {
        Config config = new Config(dir, new DatabaseConfig("jdbc:sqlite:" + dir.resolve("dailypapers.db"), null,
                null, 4), "127.0.0.1", 0);
        try (App app = App.open(config, TestApp.FIXED_CLOCK)) {
            app.importFile(TestData.sample(), ImportListener.NONE);
            app.search().indexer().sync();
            long papers = app.search().papers().countPapers();

            // The app holds the index's write lock, as a running server does.
            int code = run("--data-dir", dir.toString(), "doctor");

            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(line("ok", "database")).contains("schema at version").contains("as this build expects");
            assertThat(line("ok", "index")).contains(papers + " documents for " + papers + " papers, synced up to");

            String first = TestData.sampleRecords().get(0).get("id").asText();
            app.search().index().delete(List.of(first));
            app.search().index().commit();
            out.getBuffer().setLength(0);

            code = run("--data-dir", dir.toString(), "doctor");

            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(line("warn", "index")).contains("the index holds " + (papers - 1) + " documents, the database "
                    + papers + " papers");
            assertThat(out.toString()).contains("fix: a running server catches up within seconds");
        }
    }

    @Test
    void aSchemaNewerThanThisBuildFailsAndSaysWhatToDo() throws Exception {
        DatabaseConfig database = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("dailypapers.db"), null, null, 1);
        App.open(new Config(dir, database, "127.0.0.1", 0), TestApp.FIXED_CLOCK).close();
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from a newer release',"
                    + " 'SQL', 'V999__from_a_newer_release.sql', 0, 'test', 0, 1)");
        }

        int code = run("--data-dir", dir.toString(), "doctor");

        assertThat(code).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(line("fail", "database")).contains("is at version 999, newer than this build knows")
                .contains("unknown versions 999");
        assertThat(out.toString()).contains("fix: run the release that migrated it").contains("1 failed");
    }

    @Test
    void aRestoreThatDidNotFinishFailsAndSaysToRunItAgain() throws Exception {
        DatabaseConfig source = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("source.db"), null, null, 1);
        App.open(new Config(dir.resolve("source"), source, "127.0.0.1", 0), TestApp.FIXED_CLOCK).close();
        Path backup = dir.resolve("backup.zip");
        Backups backups = new Backups(TestApp.FIXED_CLOCK);
        backups.backup(source, backup, Backups.Progress.NONE);
        DatabaseConfig target = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("dailypapers.db"), null, null, 1);
        assertThatThrownBy(() -> backups.restore(backup, target, false, (table, rows) -> {
            throw new IllegalStateException("cut short");
        })).hasMessage("cut short");

        int code = run("--data-dir", dir.toString(), "doctor");

        assertThat(code).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(line("fail", "database")).contains("holds a restore that did not finish (of " + backup);
        assertThat(out.toString()).contains("fix: run ./dailypapers restore FILE --force again");
    }

    @Test
    void aPostgresDatabaseBehindThisBuildWarnsOfPendingMigrationsAndChangesNothing() throws Exception {
        DatabaseConfig database = TestDatabases.freshPostgres();
        try {
            TestDatabases.migratedTo(database, "20");

            int code = run(postgres(database, "doctor"));

            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(line("warn", "database")).contains("is at version 20; this build brings it to")
                    .contains("migrations pending");
            assertThat(line("warn", "index")).contains("no search index yet");
            out.getBuffer().setLength(0);
            assertThat(run(postgres(database, "doctor"))).isZero();
            assertThat(line("warn", "database")).as("the doctor migrated nothing").contains("is at version 20;");

            App.open(new Config(dir, database, "127.0.0.1", 0), TestApp.FIXED_CLOCK).close();
            out.getBuffer().setLength(0);

            assertThat(run(postgres(database, "doctor"))).isZero();
            assertThat(line("ok", "database")).contains("as this build expects");
        } finally {
            TestDatabases.dropPostgres(database);
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedFails() throws Exception {
        int code = run("--data-dir", dir.toString(), "--database-url",
                "jdbc:postgresql://127.0.0.1:" + TestPorts.free() + "/dailypapers", "doctor");

        assertThat(code).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(line("fail", "database")).contains("cannot connect to jdbc:postgresql://127.0.0.1:");
        assertThat(out.toString()).contains("fix: check database.url, database.user and database.password");
        assertThat(out.toString() + err).doesNotContain("\tat ");
    }

    @Test
    void aSolrClusterThatCannotBeReachedFailsAndPointsAtItsSetting() throws Exception {
        int port = TestPorts.free();
        Path config = dir.resolve("solr.properties");
        Files.writeString(config, "search.engine=solr\nsearch.solr.urls=http://127.0.0.1:" + port + "/solr\n");

        int code = run("--config", config.toString(), "--data-dir", dir.toString(), "doctor");

        assertThat(code).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(line("fail", "index")).contains("cannot read the search index on Solr at [http://127.0.0.1:"
                + port + "/solr]");
        assertThat(out.toString()).contains("fix: check search.solr.urls and that SolrCloud answers there")
                .doesNotContain("stop the server");
        assertThat(out.toString() + err).doesNotContain("\tat ");
    }

    @Test
    void aTestMessageGoesThroughTheConfiguredSmtpServer() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            int code = run("--config", smtpConfig(server.getSmtp().getPort()).toString(), "--data-dir",
                    dir.toString(), "doctor", "--send-test-mail", "ada@example.org");

            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(line("ok", "mail")).contains("SMTP 127.0.0.1:" + server.getSmtp().getPort()
                    + " (none) accepts a connection");
            assertThat(out.toString()).contains("to ada@example.org handed to SMTP 127.0.0.1:");
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo(Doctor.TEST_MAIL_SUBJECT);
        } finally {
            server.stop();
        }
    }

    @Test
    void anSmtpServerThatCannotBeReachedFailsWithTheExactReason() throws Exception {
        int port = TestPorts.free();

        int code = run("--config", smtpConfig(port).toString(), "--data-dir", dir.toString(), "doctor",
                "--send-test-mail", "ada@example.org");

        assertThat(code).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(line("fail", "mail")).contains("SMTP 127.0.0.1:" + port + " (none): ")
                .contains("Connection refused");
        assertThat(out.toString()).contains("test message to ada@example.org not delivered via SMTP 127.0.0.1:"
                + port).contains("fix: check mail.smtp.host");
        assertThat(out.toString() + err).doesNotContain("\tat ");
    }

    @Test
    void aBadTestAddressOrSettingIsAClearLine() throws Exception {
        assertThat(run("--data-dir", dir.toString(), "doctor", "--send-test-mail", "not an address"))
                .isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).startsWith("error: --send-test-mail: ");

        Path config = Files.writeString(dir.resolve("bad.properties"), "http.port=eighty\n");
        assertThat(run("--config", config.toString(), "doctor")).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(line("fail", "config")).contains("http.port");
        assertThat(out.toString()).contains("fix: correct that setting");
    }

    private Path smtpConfig(int port) throws Exception {
        return Files.writeString(dir.resolve("mail.properties"), """
                mail.smtp.host=127.0.0.1
                mail.smtp.port=%d
                mail.smtp.security=none
                mail.smtp.timeout.seconds=2
                mail.from=Daily Papers <papers@example.org>
                """.formatted(port));
    }

    private String[] postgres(DatabaseConfig database, String... command) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.toString(), "--database-url", database.url()));
        if (database.user() != null && !database.user().isEmpty()) {
            args.addAll(List.of("--database-user", database.user()));
        }
        if (database.password() != null && !database.password().isEmpty()) {
            args.addAll(List.of("--database-password", database.password()));
        }
        args.addAll(List.of(command));
        return args.toArray(String[]::new);
    }
}
