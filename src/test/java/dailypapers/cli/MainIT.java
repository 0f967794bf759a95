package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.TestPorts;
import dailypapers.UserFacingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The CLI as an operator meets it: summaries, clear errors and exit codes, never a stack trace. */
@Isolated // alone: it reads what Main logs, and another class's command would log there too
class MainIT {

    private static final String MODEL = "bge-small-en-v1.5-q/256";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @BeforeEach
    void captureMainsLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(Main.class)).addAppender(log);
    }

    @AfterEach
    void releaseMainsLog() {
        ((Logger) LoggerFactory.getLogger(Main.class)).detachAppender(log);
    }

    /** A command that fails the way a defect would, or the way an operator's mistake would. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {

        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private int runFailing(RuntimeException failure) {
        CommandLine commandLine = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.addSubcommand(new Failing(failure));
        // Main's settings reach the subcommands present when they are set: set them again for this one.
        commandLine.setErr(commandLine.getErr())
                .setExecutionExceptionHandler(commandLine.getExecutionExceptionHandler());
        return commandLine.execute("fail");
    }

    /** Vectors from the default model in the database, counted outside the command. */
    private long storedVectors() {
        try (App app = App.open(Config.load(null, Map.of(), Map.of(Config.DATA_DIR.key(), dir.toString())),
                Clock.systemUTC())) {
            return app.search().vectors().count(MODEL);
        }
    }

    @Test
    void importPrintsASummaryAndExitsZero() {
        int code = run("--data-dir", dir.toString(), "import", TestData.sample().toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("read 1,000, inserted 1,000, updated 0, unchanged 0, rejected 0");
    }

    @Test
    void importWithRejectsNamesThemAndExitsNonZero() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\": \"2601.00001\", \"title\": \"Fine\", \"published\": \"2026-01-01\"}\n"
                + "{\"id\": \"2601.00002\", \"published\": \"2026-01-01\"}\n");
        int code = run("--data-dir", dir.resolve("db").toString(), "import", file.toString());
        assertThat(code).isEqualTo(ImportCommand.EXIT_SOME_REJECTED);
        assertThat(err.toString()).contains("rejected " + file + ":2: field 'title': missing");
        assertThat(out.toString()).contains("inserted 1,").contains("rejected 1");
    }

    @Test
    void importWithADroppedLinkWarnsApartFromRejectionsAndExitsZero() throws IOException {
        Path file = dir.resolve("links.jsonl");
        Files.writeString(file, "{\"id\": \"2601.00001\", \"title\": \"Kept\", \"published\": \"2026-01-01\","
                + " \"github\": \"https://github.com/o/r\\\"><script>\"}\n");
        int code = run("--data-dir", dir.resolve("db").toString(), "import", file.toString());
        assertThat(code).isZero();
        assertThat(err.toString()).contains("warning " + file + ":1: field 'github': not a valid http(s) URL, "
                + "dropped: 'https://github.com/o/r\"><script>'");
        assertThat(out.toString()).contains("inserted 1,").contains("rejected 0")
                .contains("warnings 1 (fields dropped, records kept)");
    }

    @Test
    void missingImportFileIsAClearError() {
        int code = run("--data-dir", dir.toString(), "import", dir.resolve("nope.jsonl").toString());
        assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).contains("error: cannot read");
    }

    @Test
    void busyPortIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("--data-dir", dir.toString(), "serve", "--host", "127.0.0.1", "--port",
                    String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
            assertThat(err.toString()).contains("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(log.list).isEmpty();
        }
    }

    @Test
    void unreachableDatabaseIsAClearError() throws IOException {
        int freePort = TestPorts.free();
        int code = run("--database-url", "jdbc:postgresql://127.0.0.1:" + freePort + "/nothing", "serve");
        assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).contains("error: cannot connect to the database at jdbc:postgresql://127.0.0.1:"
                + freePort);
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(log.list).isEmpty();
    }

    @Test
    void unreachableSolrStopsServeWithOneClearError() throws IOException {
        int freePort = TestPorts.free();
        Path config = dir.resolve("solr.properties");
        Files.writeString(config, "search.engine=solr\nsearch.solr.urls=http://127.0.0.1:" + freePort + "/solr\n"
                + "search.model=none\nharvest.enabled=false\n");
        int code = run("--config", config.toString(), "--data-dir", dir.toString(), "serve");
        assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).startsWith("error: cannot open the search index on Solr at [http://127.0.0.1:"
                + freePort + "/solr] (search.solr.urls): ").hasLineCount(1).doesNotContain("\tat ");
    }

    @Test
    void badConfigValueIsAClearError() throws IOException {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "http.port=eighty\n");
        int code = run("--config", config.toString(), "serve");
        assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: http.port must be a whole number, got 'eighty'"
                + System.lineSeparator());
        assertThat(log.list).isEmpty();
    }

    @Test
    void reindexRebuildsTheSearchIndexFromTheDatabase() {
        assertThat(run("--data-dir", dir.toString(), "import", TestData.sample().toString())).isZero();
        assertThat(run("--data-dir", dir.toString(), "reindex")).isZero();
        assertThat(out.toString()).containsPattern("indexed 1,000 papers \\(0 with vectors from bge-small-en-v1.5-q/256\\) in [0-9.]+ s");
    }

    @Test
    void reindexAndImportWhileAServerHoldsTheIndexSayWhatHappens() {
        assertThat(run("--data-dir", dir.toString(), "import", TestData.sample().toString())).isZero();
        try (TestApp server = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            int code = run("--data-dir", dir.toString(), "--database-url", TestDatabases.sqlite(dir).url(),
                    "reindex");
            assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
            assertThat(err.toString()).contains("error: the search index at").contains("is in use by another process");
            assertThat(run("--data-dir", dir.toString(), "--database-url", TestDatabases.sqlite(dir).url(),
                    "import", TestData.sample().toString())).isZero();
            assertThat(err.toString()).contains("note: the search index is held by a running server");
        }
    }

    @Test
    void embedStopsAtTheLimitAndALaterRunGoesOn() {
        assertThat(run("--data-dir", dir.toString(), "import", TestData.sample().toString())).isZero();

        assertThat(run("--data-dir", dir.toString(), "embed", "--limit", "20")).isZero();
        assertThat(out.toString()).containsPattern("embedded 20 papers with " + MODEL + " in [0-9.]+ s \\([0-9.,]+"
                + " papers/s on " + Runtime.getRuntime().availableProcessors() + " threads\\); 980 still without"
                + " a vector");
        assertThat(storedVectors()).isEqualTo(20);

        assertThat(run("--data-dir", dir.toString(), "embed", "--threads", "2", "--limit", "10")).isZero();
        assertThat(out.toString()).containsPattern("embedded 10 papers with " + MODEL + " in [0-9.]+ s \\([0-9.,]+"
                + " papers/s on 2 threads\\); 970 still without a vector");
        assertThat(storedVectors()).isEqualTo(30);
    }

    @Test
    void embedWithNoThreadsIsOneErrorLine() {
        assertThat(run("--data-dir", dir.toString(), "embed", "--threads", "0"))
                .isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: --threads must be between 1 and 256, got 0" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void embedWithoutAModelSaysSoInOneLine() throws IOException {
        Path config = dir.resolve("no-model.properties");
        Files.writeString(config, "data.dir=" + dir.resolve("data") + "\nsearch.model=none\n");
        assertThat(run("--config", config.toString(), "embed")).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: no embedding model is configured (search.model is none)"
                + System.lineSeparator());
    }

    private Path smallBeirFolder() throws IOException {
        Path beir = dir.resolve("beir");
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("corpus.jsonl"), String.join("\n",
                "{\"_id\": \"d1\", \"title\": \"Entangled photons\", \"text\": \"Quantum entanglement of photon pairs.\"}",
                "{\"_id\": \"d2\", \"title\": \"Protein folding\", \"text\": \"Folding pathways of small proteins.\"}",
                "{\"_id\": \"d3\", \"title\": \"Graph colouring\", \"text\": \"Colouring sparse graphs greedily.\"}"));
        Files.writeString(beir.resolve("queries.jsonl"), String.join("\n",
                "{\"_id\": \"q1\", \"text\": \"quantum entanglement\"}",
                "{\"_id\": \"q2\", \"text\": \"protein folding pathways\"}",
                "{\"_id\": \"q3\", \"text\": \"a query nobody judged\"}"));
        Files.writeString(beir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
        return beir;
    }

    @Test
    void evalScoresKeywordSearchOnABeirFolder() throws IOException {
        int code = run("--data-dir", dir.toString(), "eval", "--mode", "keyword", smallBeirFolder().toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("3 documents, 3 queries")
                .containsPattern("keyword\\s+1\\.0000\\s+1\\.0000\\s+2");
    }

    @Test
    void evalCrossValidatesKeywordSearchOverFolds() throws IOException {
        int code = run("--data-dir", dir.toString(), "eval", "--mode", "keyword", "--folds", "2",
                smallBeirFolder().toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("2-fold cross-validation over 2 queries")
                .containsPattern("keyword\\s+1\\.0000 ± 0\\.0000\\s+1\\.0000")
                .containsPattern("keyword, k1 and b chosen\\s+1\\.0000 ± 0\\.0000\\s+1\\.0000"
                        + "\\s+\\+0\\.0000 ± 0\\.0000");
    }

    @Test
    void evalRefusesOneFold() throws IOException {
        assertThat(run("--data-dir", dir.toString(), "eval", "--mode", "keyword", "--folds", "1",
                smallBeirFolder().toString())).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: --folds must be 0 (off) or at least 2, got 1"
                + System.lineSeparator());
    }

    @Test
    void anUnexpectedFailureLogsItsTraceAndEndsWithOneLineNamingItsType() {
        NullPointerException defect = new NullPointerException();
        assertThat(runFailing(defect)).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: unexpected NullPointerException (details in the log above)"
                + System.lineSeparator());
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
            assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void anUnexpectedFailureWithAMessageShowsTypeAndMessage() {
        assertThat(runFailing(new IllegalStateException("boom"))).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: unexpected IllegalStateException: boom (details in the log"
                + " above)" + System.lineSeparator());
        assertThat(log.list).hasSize(1);
    }

    @Test
    void anOperatorsMistakeIsOneLineAndNoTraceEvenWhenWrapped() {
        assertThat(runFailing(new IllegalStateException("while starting",
                new UserFacingException("cannot read /nope")))).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: cannot read /nope" + System.lineSeparator());
        assertThat(log.list).isEmpty();
    }

    @Test
    void evalOfAFolderWithoutACorpusIsOneErrorLine() {
        assertThat(run("--data-dir", dir.toString(), "eval", "--mode", "keyword", dir.resolve("nope").toString()))
                .isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).startsWith("error: cannot read the BEIR folder " + dir.resolve("nope"))
                .hasLineCount(1);
        assertThat(log.list).isEmpty();
    }

    @Test
    void unknownSubcommandShowsUsage() {
        int code = run("frobnicate");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("Usage: dailypapers");
    }
}
