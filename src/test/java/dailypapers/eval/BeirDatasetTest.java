package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

    private static final String CORPUS = """
            {"_id": "d1", "title": "Aspirin", "text": "Aspirin lowers the risk of heart attack.", "metadata": {}}
            {"_id": "d2", "text": "No title here.", "metadata": {"authors": ["Ada Lovelace"], "categories": ["cs.IR"]}}
            """;
    private static final String QUERIES = """
            {"_id": "q1", "text": "does aspirin help the heart", "metadata": {}}
            {"_id": "q2", "text": "untitled documents"}
            """;

    @TempDir
    Path folder;

    @Test
    void readsCorpusQueriesAndJudgments() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq2\td2\t1\n");

        BeirDataset dataset = BeirDataset.load(folder);

        assertThat(dataset.split()).isEqualTo("test");
        assertThat(dataset.corpus()).containsExactly(
                new BeirDocument("d1", "Aspirin", "Aspirin lowers the risk of heart attack."),
                new BeirDocument("d2", "", "No title here.", List.of("Ada Lovelace"), List.of("cs.IR")));
        assertThat(dataset.queries()).containsExactly(Map.entry("q1", "does aspirin help the heart"),
                Map.entry("q2", "untitled documents"));
        assertThat(dataset.qrels()).isEqualTo(Map.of("q1", Map.of("d1", 2, "d2", 0), "q2", Map.of("d2", 1)));
    }

    @Test
    void readsAGzippedCorpus() throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("corpus.jsonl.gz")))) {
            out.write(CORPUS.getBytes(StandardCharsets.UTF_8));
        }
        write("queries.jsonl", QUERIES);
        write("qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");

        assertThat(BeirDataset.load(folder).corpus()).extracting(BeirDocument::id).containsExactly("d1", "d2");
    }

    @Test
    void prefersTestThenDevThenTrain() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        write("qrels/dev.tsv", "query-id\tcorpus-id\tscore\nq2\td2\t1\n");

        assertThat(BeirDataset.load(folder).split()).isEqualTo("dev");
        assertThat(BeirDataset.load(folder, "train").qrels()).containsOnlyKeys("q1");
    }

    @Test
    void aBadGradeNamesFileAndLine() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);
        write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\tyes\n");

        assertThatThrownBy(() -> BeirDataset.load(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("test.tsv:2");
    }

    @Test
    void missingJudgmentsAreReported() throws IOException {
        write("corpus.jsonl", CORPUS);
        write("queries.jsonl", QUERIES);

        assertThatThrownBy(() -> BeirDataset.load(folder)).isInstanceOf(IOException.class)
                .hasMessageContaining("no qrels");
    }


    @Test
    void loadsTheSharedSciFactTrainingSplit() throws IOException {
        BeirDataset dataset = BeirDataset.load(SharedData.sciFactTrain());

        assertThat(dataset.split()).isEqualTo("train");
        assertThat(dataset.corpus()).hasSize(5_183);
        assertThat(dataset.queries()).hasSize(809);
        assertThat(dataset.qrels().values().stream().mapToInt(Map::size).sum()).isEqualTo(919);
    }

    @Test
    void loadsTheCommittedArxivJudgedSet() throws IOException {
        BeirDataset dataset = BeirDataset.load(Path.of("bench", "arxiv-judged"));
        assertThat(dataset.split()).isEqualTo("test");
        assertThat(dataset.corpus()).hasSize(8_005);
        assertThat(dataset.queries()).hasSize(60);
        assertThat(dataset.qrels()).hasSize(60);
        assertThat(dataset.qrels().values().stream().mapToInt(Map::size).sum()).isEqualTo(1_514);
        assertThat(dataset.corpus()).filteredOn(d -> !d.authors().isEmpty()).hasSize(8_005);
    }

    private void write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
