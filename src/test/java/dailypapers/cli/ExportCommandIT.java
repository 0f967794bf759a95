package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export papers FILE} as an operator runs it: a complete file or none, a summary, one line per mistake. */
class ExportCommandIT {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private void importTheSample() {
        assertThat(run("import", TestData.sample().toString())).isZero();
    }

    @Test
    void aGzipExportHoldsEveryPaperAndLeavesNoPartialFile() throws IOException {
        importTheSample();
        Path file = dir.resolve("papers.jsonl.gz");
        Files.writeString(dir.resolve("papers.jsonl.gz.partial"), "left by an interrupted run");

        assertThat(run("export", "papers", file.toString())).isZero();

        assertThat(out.toString()).startsWith("exported 1,000 papers to " + file + " in ").endsWith(" s"
                + System.lineSeparator());
        assertThat(lines(file)).hasSize(1_000).allSatisfy(line -> assertThat(line).startsWith("{\"id\":\""));
        assertThat(dir.resolve("papers.jsonl.gz.partial")).doesNotExist();
    }

    @Test
    void aPlainExportImportsIntoAnotherInstance() throws IOException {
        importTheSample();
        Path file = dir.resolve("papers.jsonl");
        assertThat(run("export", "papers", file.toString())).isZero();
        assertThat(Files.readString(file)).hasLineCount(1_000);

        String[] args = {"--data-dir", dir.resolve("other").toString(), "import", file.toString()};
        StringWriter imported = new StringWriter();
        assertThat(Main.run(new PrintWriter(imported, true), new PrintWriter(new StringWriter(), true), args))
                .isZero();
        assertThat(imported.toString()).contains("read 1,000, inserted 1,000, updated 0, unchanged 0, rejected 0");
    }

    @Test
    void aDashWritesThePapersToStandardOutputAndTheSummaryBesideTheProgress() {
        importTheSample();
        assertThat(run("export", "papers", "-")).isZero();

        assertThat(out.toString()).hasLineCount(1_000);
        assertThat(err.toString()).contains("exported 1,000 papers to standard output in ");
    }

    @Test
    void aMissingDirectoryIsOneErrorLine() {
        Path file = dir.resolve("nope").resolve("papers.jsonl");

        assertThat(run("export", "papers", file.toString())).isEqualTo(Main.EXIT_STARTUP_FAILED);

        assertThat(err.toString()).isEqualTo("error: cannot write " + file + ": no such directory"
                + System.lineSeparator());
    }

    @Test
    void aDirectoryIsOneErrorLine() {
        assertThat(run("export", "papers", dir.toString())).isEqualTo(Main.EXIT_STARTUP_FAILED);

        assertThat(err.toString()).isEqualTo("error: cannot write " + dir + ": it is a directory"
                + System.lineSeparator());
    }

    @Test
    void aMissingOrUnknownArgumentIsOneErrorLineThenTheUsage() {
        assertThat(run("export", "papers")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Missing required parameter: 'FILE'" + System.lineSeparator()
                + "Usage: dailypapers export papers");
        assertThat(err.toString().lines().filter(line -> line.startsWith("error:"))).hasSize(1);

        assertThat(run("export", "authors", "x.jsonl")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Unmatched arguments from index 3: 'authors', 'x.jsonl'");
    }

    private static List<String> lines(Path gzip) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzip)), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
