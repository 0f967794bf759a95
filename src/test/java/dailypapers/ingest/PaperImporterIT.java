package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperStore;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.JdbiPaperStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // alone: it checks that no import thread outlives an import, and another class's import would have some
class PaperImporterIT {

    @TempDir
    Path dir;

    private Database database;
    private PaperStore store;
    private PaperImporter importer;

    @BeforeEach
    void open() {
        DatabaseConfig config = TestDatabases.sqlite(dir);
        database = Database.open(config, new SimpleMeterRegistry());
        store = new JdbiPaperStore(database, TestApp.FIXED_CLOCK);
        importer = new PaperImporter(store);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static String line(String id, String title) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"authors\": [\"A\"], \"abstract\": \"x\","
                + " \"published\": \"2026-01-02\", \"upvotes\": 3, \"hf_daily_date\": \"2026-01-03\"}";
    }

    @Test
    void badLinesAreReportedWithFileLineAndReasonAndGoodOnesKept() throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                line("2601.00001", "Good one"),
                "{not json",
                line("2601.00002", "Good two"),
                "",
                line("not-an-id", "Bad id"),
                "{\"id\": \"2601.00003\", \"title\": \"No date\"}",
                line("2601.00004", "Good three")) + "\n");
        List<Rejection> heard = new ArrayList<>();

        ImportSummary summary = importer.importFile(file, new ImportListener() {
            @Override
            public void progress(Progress progress) {
            }

            @Override
            public void rejected(Rejection rejection) {
                heard.add(rejection);
            }

            @Override
            public void warned(ImportWarning warning) {
            }
        });

        assertThat(summary.read()).isEqualTo(6);
        assertThat(summary.inserted()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(heard).isEqualTo(summary.firstRejections());
        assertThat(heard).extracting(Rejection::line).containsExactly(2L, 5L, 6L);
        assertThat(heard.get(0).toString()).startsWith(file + ":2: invalid JSON");
        assertThat(heard.get(1).reason()).isEqualTo("field 'id': not a valid arXiv id: 'not-an-id'");
        assertThat(heard.get(2).reason()).isEqualTo("field 'published': missing");
        assertThat(store.counts().papers()).isEqualTo(3);
    }

    @Test
    void onlyBatchesThatChangedSomethingAreReportedAsStored() throws IOException {
        Path file = dir.resolve("two.jsonl");
        Files.writeString(file, line("2601.00001", "One") + "\n" + line("2601.00002", "Two") + "\n");
        List<List<ArxivId>> stored = new ArrayList<>();
        PaperImporter indexing = new PaperImporter(store, stored::add);

        indexing.importFile(file, ImportListener.NONE);
        indexing.importFile(file, ImportListener.NONE);

        assertThat(stored).containsExactly(List.of(ArxivId.parse("2601.00001"), ArxivId.parse("2601.00002")));
    }

    @Test
    void duplicatesOfOneIdInABatchKeepTheLastAndCountTheOthersUnchanged() throws IOException {
        Path file = dir.resolve("duplicates.jsonl");
        Files.writeString(file, String.join("\n", line("2601.00001", "First"), line("2601.00002", "Other"),
                line("2601.00001", "Second"), line("2601.00001", "Third")) + "\n");
        List<List<ArxivId>> stored = new ArrayList<>();

        ImportSummary summary = new PaperImporter(store, stored::add).importFile(file, ImportListener.NONE);

        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.unchanged()).isEqualTo(2);
        assertThat(store.find(ArxivId.parse("2601.00001")).orElseThrow().paper().title()).isEqualTo("Third");
        assertThat(stored).containsExactly(List.of(ArxivId.parse("2601.00001"), ArxivId.parse("2601.00002")));
    }

    @Test
    void newChangedAndUnchangedRecordsAreCountedOverManyBatches() throws IOException {
        assertNewChangedAndUnchangedCounted(store);
    }

    @Test
    void newChangedAndUnchangedRecordsAreCountedOnPostgresqlToo() throws IOException {
        DatabaseConfig config = TestDatabases.freshPostgres();
        try (Database postgres = Database.open(config, new SimpleMeterRegistry())) {
            assertNewChangedAndUnchangedCounted(new JdbiPaperStore(postgres, TestApp.FIXED_CLOCK));
        } finally {
            TestDatabases.dropPostgres(config);
        }
    }

    /**
     * Three batches again: the first as it was, the second with one record changed, the third with one record
     * new. Only the batches that changed something are handed on, whole and in order.
     */
    private void assertNewChangedAndUnchangedCounted(PaperStore papers) throws IOException {
        int size = PaperImporter.BATCH_SIZE;
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 3 * size; i++) {
            lines.add(line(id(i), "Paper " + i));
        }
        // One file name for both: a record's default source names the file it came from.
        Path file = dir.resolve("papers.jsonl");
        Files.writeString(file, String.join("\n", lines.subList(0, 3 * size - 1)) + "\n");
        List<List<ArxivId>> stored = new ArrayList<>();
        PaperImporter importing = new PaperImporter(papers, stored::add);
        ImportSummary fresh = importing.importFile(file, ImportListener.NONE);
        lines.set(size + 5, line(id(size + 6), "Paper changed"));
        Files.writeString(file, String.join("\n", lines) + "\n");
        stored.clear();

        ImportSummary again = importing.importFile(file, ImportListener.NONE);

        assertThat(fresh.inserted()).isEqualTo(3 * size - 1);
        assertThat(List.of(again.read(), again.inserted(), again.updated(), again.unchanged(), again.rejected()))
                .containsExactly(3L * size, 1L, 1L, 3L * size - 2, 0L);
        assertThat(again.toString()).startsWith("read 3,000, inserted 1, updated 1, unchanged 2,998, rejected 0 in ");
        assertThat(stored).extracting(List::size).containsExactly(size, size);
        assertThat(stored.get(0).getFirst()).isEqualTo(ArxivId.parse(id(size + 1)));
        assertThat(stored.get(1).getLast()).isEqualTo(ArxivId.parse(id(3 * size)));
        assertThat(papers.find(ArxivId.parse(id(size + 6))).orElseThrow().paper().title()).isEqualTo("Paper changed");
        assertThat(papers.counts().papers()).isEqualTo(3 * size);
    }

    private static String id(int number) {
        return String.format("2601.%05d", number);
    }

    @Test
    void eachBatchIsHandedOnOnlyOnceItIsStored() throws IOException {
        Path file = dir.resolve("many.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 2 * PaperImporter.BATCH_SIZE + 1; i++) {
            lines.add(line(id(i), "Paper " + i));
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
        List<Integer> missing = new ArrayList<>();

        new PaperImporter(store, ids -> missing.add(store.find(ids).size() == ids.size() ? 0 : ids.size()))
                .importFile(file, ImportListener.NONE);

        assertThat(missing).containsExactly(0, 0, 0);
    }

    @Test
    void aFailureToIndexStopsTheImportAndIsThrown() throws IOException {
        Path file = dir.resolve("many.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 5 * PaperImporter.BATCH_SIZE; i++) {
            lines.add(line(id(i), "Paper " + i));
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
        IllegalStateException down = new IllegalStateException("the index is down");

        assertThatThrownBy(() -> new PaperImporter(store, ids -> {
            throw down;
        }).importFile(file, ImportListener.NONE)).isSameAs(down);

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("import-"));
        // The stored batches stay stored: the search sync indexes them later.
        assertThat(store.counts().papers()).isBetween((long) PaperImporter.BATCH_SIZE, 5L * PaperImporter.BATCH_SIZE);
    }

    @Test
    void readsGzipByContentWhateverTheName() throws IOException {
        Path file = dir.resolve("papers.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((line("2601.00001", "One") + "\n" + line("2601.00002", "Two") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        ImportSummary summary = importer.importFile(file, ImportListener.NONE);
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.rejected()).isZero();
    }

    @Test
    void manyBatchesReportProgressAndImportEverything() throws IOException {
        Path file = dir.resolve("big.jsonl");
        StringBuilder text = new StringBuilder();
        int count = PaperImporter.BATCH_SIZE * 2 + 17;
        for (int i = 0; i < count; i++) {
            text.append(line(String.format("2601.%05d", i + 1), "Paper " + i)).append('\n');
        }
        Files.writeString(file, text);
        List<ImportListener.Progress> progress = new ArrayList<>();
        ImportSummary summary = importer.importFile(file, new ImportListener() {
            @Override
            public void progress(Progress p) {
                progress.add(p);
            }

            @Override
            public void rejected(Rejection rejection) {
            }

            @Override
            public void warned(ImportWarning warning) {
            }
        });
        assertThat(summary.inserted()).isEqualTo(count);
        assertThat(progress).last().satisfies(p -> {
            assertThat(p.records()).isEqualTo(count);
            assertThat(p.fraction()).isEqualTo(1.0);
        });
    }

    @Test
    void readsTheArxivKaggleSnapshot() throws Exception {
        Path file = Path.of(getClass().getResource("/ingest/arxiv-metadata-snapshot-sample.json").toURI());
        ImportSummary summary = importer.importFile(file, ImportListener.NONE);
        assertThat(summary.inserted()).isEqualTo(2);
        var paper = store.find(ArxivId.parse("0704.0001")).orElseThrow().paper();
        assertThat(paper.title()).isEqualTo(
                "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(paper.authors()).containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
        assertThat(paper.published()).isEqualTo(LocalDate.of(2007, 4, 2));
        assertThat(paper.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
        assertThat(paper.version()).isEqualTo(2);
        assertThat(store.find(ArxivId.parse("0704.0001")).orElseThrow().featuring()).isEmpty();
    }

    @Test
    void theSampleImportsCompletelyAndIdempotently() throws IOException {
        Path sample = TestData.sample();
        ImportSummary first = importer.importFile(sample, ImportListener.NONE);
        assertThat(first.read()).isEqualTo(1_000);
        assertThat(first.inserted()).isEqualTo(1_000);
        assertThat(first.rejected()).isZero();

        ImportSummary second = importer.importFile(sample, ImportListener.NONE);
        assertThat(second.unchanged()).isEqualTo(1_000);
        assertThat(second.inserted() + second.updated()).isZero();
    }

    @Test
    void hostileCharactersAreCleanedAndTheRecordsKept() throws IOException {
        Path file = hostileFile();

        ImportSummary summary = importer.importFile(file, ImportListener.NONE);

        assertCleaned(summary, store);
    }

    /** PostgreSQL refuses NUL in text outright: before cleaning, one such line stopped the whole import there. */
    @Test
    void hostileCharactersAreCleanedOnPostgresqlToo() throws IOException {
        DatabaseConfig config = TestDatabases.freshPostgres();
        try (Database postgres = Database.open(config, new SimpleMeterRegistry())) {
            PaperStore postgresStore = new JdbiPaperStore(postgres, TestApp.FIXED_CLOCK);

            ImportSummary summary = new PaperImporter(postgresStore).importFile(hostileFile(), ImportListener.NONE);

            assertCleaned(summary, postgresStore);
        } finally {
            TestDatabases.dropPostgres(config);
        }
    }

    private Path hostileFile() throws IOException {
        Path file = dir.resolve("hostile.jsonl");
        String escaped = "{\"id\": \"2601.00001\", \"title\": \"Escaped\\u0000 \\u0007bell \\u202egnp.exe\","
                + " \"authors\": [\"A\\ud800\"], \"abstract\": \"x\\ufdd0y\", \"published\": \"2026-01-02\"}";
        String raw = "{\"id\": \"2601.00002\", \"title\": \"Raw\u0000 \u0007bell \u202Egnp.exe\u0085\","
                + " \"authors\": [\"B\u2066\"], \"abstract\": \"x\u0001y\", \"published\": \"2026-01-02\"}";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((escaped + "\n" + raw + "\n").getBytes(StandardCharsets.UTF_8));
            // A byte that is not UTF-8 becomes U+FFFD as the file is read.
            out.write("{\"id\": \"2601.00003\", \"title\": \"Bad byte ".getBytes(StandardCharsets.UTF_8));
            out.write(0xFF);
            out.write("\", \"published\": \"2026-01-02\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void assertCleaned(ImportSummary summary, PaperStore store) {
        assertThat(summary.inserted()).isEqualTo(3);
        assertThat(summary.rejected()).isZero();
        assertThat(store.find(ArxivId.parse("2601.00001")).orElseThrow().paper()).satisfies(p -> {
            assertThat(p.title()).isEqualTo("Escaped bell gnp.exe");
            assertThat(p.authors()).containsExactly("A\uFFFD");
            assertThat(p.abstractText()).isEqualTo("xy");
        });
        assertThat(store.find(ArxivId.parse("2601.00002")).orElseThrow().paper()).satisfies(p -> {
            assertThat(p.title()).isEqualTo("Raw bell gnp.exe");
            assertThat(p.authors()).containsExactly("B");
            assertThat(p.abstractText()).isEqualTo("xy");
        });
        assertThat(store.find(ArxivId.parse("2601.00003")).orElseThrow().paper().title())
                .isEqualTo("Bad byte \uFFFD");
    }

    @Test
    void aBadLinkIsDroppedWithAWarningNamingFileAndLineAndTheRecordKept() throws IOException {
        Path file = dir.resolve("links.jsonl");
        Files.writeString(file, String.join("\n",
                line("2601.00001", "Fine"),
                "{\"id\": \"2601.00002\", \"title\": \"Bad code link\", \"published\": \"2026-01-02\","
                        + " \"github\": \"javascript:alert(1)\", \"project_page\": \"https://ok.example/p\"}",
                "{\"id\": \"2601.00003\", \"title\": \"Two bad links\", \"published\": \"2026-01-02\","
                        + " \"github\": \"https://github.com/o/r x\", \"project_page\": \"https://\"}",
                "{\"id\": \"not-an-id\", \"title\": \"Rejected\", \"published\": \"2026-01-02\"}") + "\n");
        List<ImportWarning> heard = new ArrayList<>();

        ImportSummary summary = importer.importFile(file, new ImportListener() {
            @Override
            public void progress(Progress progress) {
            }

            @Override
            public void rejected(Rejection rejection) {
            }

            @Override
            public void warned(ImportWarning warning) {
                heard.add(warning);
            }
        });

        assertThat(summary.inserted()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.warnings()).isEqualTo(3);
        assertThat(summary.firstWarnings()).isEqualTo(heard);
        assertThat(heard).extracting(ImportWarning::line).containsExactly(2L, 3L, 3L);
        assertThat(heard.get(0).toString()).isEqualTo(file + ":2: field 'github': not a valid http(s) URL, "
                + "dropped: 'javascript:alert(1)'");
        assertThat(summary.toString()).contains("rejected 1 in ").endsWith("; warnings 3 (fields dropped, "
                + "records kept)");
        var kept = store.find(ArxivId.parse("2601.00002")).orElseThrow().paper();
        assertThat(kept.githubRepo()).isNull();
        assertThat(kept.projectPage()).isEqualTo("https://ok.example/p");
        assertThat(store.find(ArxivId.parse("2601.00003")).orElseThrow().paper().title()).isEqualTo("Two bad links");
    }
}
