package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.App;
import dailypapers.AppVersion;
import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.store.DatabaseConfig;
import dailypapers.web.Web;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, restore, migrate and version as an operator types them: one summary line, or one error line. */
class BackupCommandsIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path filledDataDir() {
        Path data = dir.resolve("data");
        assertThat(run("--data-dir", data.toString(), "import", TestData.sample().toString())).isZero();
        return data;
    }

    @Test
    void aBackupRestoresIntoAnEmptyDataDirectory() {
        Path data = filledDataDir();
        Path file = dir.resolve("backup.zip");

        assertThat(run("--data-dir", data.toString(), "backup", file.toString())).isZero();
        assertThat(out.toString()).startsWith("backed up ").contains(" rows in ").contains("(schema "
                + App.SCHEMA_VERSION + ")").contains(file.toString());
        assertThat(err.toString()).contains("paper").contains("1,000 rows");

        Path restored = dir.resolve("restored");
        assertThat(run("--data-dir", restored.toString(), "restore", file.toString())).isZero();
        assertThat(out.toString()).startsWith("restored ").contains("the search index is rebuilt");
        assertThat(run("--data-dir", restored.toString(), "version")).isZero();
        assertThat(out.toString()).isEqualTo("Daily Papers " + AppVersion.current() + ", schema "
                + App.SCHEMA_VERSION + "\ndatabase jdbc:sqlite:" + restored.resolve("dailypapers.db").toAbsolutePath()
                .normalize().toString().replace("/./", "/") + ": schema " + App.SCHEMA_VERSION + ", up to date\n");
    }

    @Test
    void mistakesGetOneErrorLineAndNoTrace() throws IOException {
        Path data = filledDataDir();
        Path file = dir.resolve("backup.zip");
        assertThat(run("--data-dir", data.toString(), "backup", file.toString())).isZero();

        assertThat(run("--data-dir", data.toString(), "backup", file.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: " + file + " already exists: choose another name, or remove it "
                + "first\n");

        assertThat(run("--data-dir", data.toString(), "restore", file.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: the database at ").contains("is not empty")
                .contains("--force").doesNotContain("\tat ");

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(run("--data-dir", dir.resolve("empty").toString(), "restore", truncated.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: " + truncated + " is not a complete backup: it is truncated")
                .hasLineCount(1);

        assertThat(run("--data-dir", data.toString(), "restore", dir.resolve("missing.zip").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: no backup at " + dir.resolve("missing.zip") + "\n");

        assertThat(run("--data-dir", data.toString(), "migrate", "--to", "mysql://localhost/papers")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: --to: database url must start with jdbc:sqlite: or "
                + "jdbc:postgresql:").hasLineCount(1);

        assertThat(run("--data-dir", dir.resolve("nothing").toString(), "backup", dir.resolve("b.zip").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("error: no database at ");
    }

    @Test
    void migrateCopiesIntoAnotherDatabaseAndSaysWhatToSet() {
        Path data = filledDataDir();
        Path target = dir.resolve("copy.db");

        assertThat(run("--data-dir", data.toString(), "migrate", "--to", "jdbc:sqlite:" + target)).isZero();

        assertThat(out.toString()).startsWith("copied ").contains("every table's count matches")
                .contains("\n  database.url=jdbc:sqlite:" + target + "\n");
        assertThat(run("--database-url", "jdbc:sqlite:" + target, "version")).isZero();
        assertThat(out.toString()).contains(": schema " + App.SCHEMA_VERSION + ", up to date");
    }

    @Test
    void aRestoreIsRefusedWhileAServerUsesTheDataDirectory() throws Exception {
        Path data = filledDataDir();
        Path file = dir.resolve("backup.zip");
        Config config = new Config(data, new DatabaseConfig("jdbc:sqlite:" + data.resolve("dailypapers.db"), null,
                null, 4), "127.0.0.1", 0);
        try (App app = App.open(config, Clock.systemUTC()); Web web = app.serve()) {
            assertThat(run("--data-dir", data.toString(), "backup", file.toString())).isZero();

            assertThat(run("--data-dir", data.toString(), "restore", "--force", file.toString())).isEqualTo(1);

            assertThat(err.toString()).startsWith("error: the search index at ")
                    .contains("is in use by another process (is the server running?)").hasLineCount(1);
            assertThat(app.feed().papers().counts().papers()).isEqualTo(1_000);
        }
        assertThat(run("--data-dir", data.toString(), "restore", "--force", file.toString())).isZero();
    }

    /**
     * A disk that fills during a backup, stood for by a file size limit on the backup's process (ulimit -f): a clear
     * error, no file left behind, and the server it was copying keeps serving reads and writes.
     */
    @Test
    void aBackupThatRunsOutOfSpaceFailsClearlyWhileTheServerServes() throws Exception {
        Path data = filledDataDir();
        Config config = new Config(data, new DatabaseConfig("jdbc:sqlite:" + data.resolve("dailypapers.db"), null,
                null, 4), "127.0.0.1", 0);
        try (App app = App.open(config, Clock.systemUTC()); Web web = app.serve()) {
            Path file = dir.resolve("full.zip");
            // SQLite's driver would unpack its native library to the temporary directory, past the limit.
            Path library = dir.resolve("libsqlitejdbc.so");
            try (var in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/"
                    + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so")) {
                Files.copy(in, library);
            }
            String java = ProcessHandle.current().info().command().orElseThrow();
            String command = "ulimit -f 64; exec '" + java + "' --enable-native-access=ALL-UNNAMED"
                    + " -Dorg.sqlite.lib.path='" + dir + "' -Dorg.sqlite.lib.name=libsqlitejdbc.so -cp '"
                    + System.getProperty("java.class.path")
                    + "' " + Main.class.getName() + " --data-dir '" + data + "' backup '" + file + "'";
            Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("error: cannot write " + file + ": File too large; nothing was kept")
                    .doesNotContain("\tat ");
            assertThat(file).doesNotExist();
            assertThat(dir.resolve("full.zip.partial")).doesNotExist();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + web.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Member writer = app.accounts().service().create("writer@example.org", "writer", "Writer",
                    "correct horse battery staple", Role.MEMBER);
            ArxivId paper = ArxivId.parse(TestData.sampleRecords().getFirst().get("id").asText());
            app.votes().service().set(writer.id(), paper, true);
            assertThat(app.votes().service().hasUpvoted(writer.id(), paper)).isTrue();
        }
    }
}
