package dailypapers.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.search.EmbeddingText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every encoder model must do. Golden vectors in {@code embedding/<model>.json} come from an independent
 * implementation (LangChain4j's ONNX encoder on the same model files); int8 models quantise activations per call,
 * so vectors are compared by cosine with a tolerance, not for equality.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EncoderContract {

    /** Cosine a recomputed vector must reach against its golden twin. */
    static final double SAME_VECTOR = 0.99;
    /**
     * The same for a text encoded in a batch against it encoded alone. A batch shares one activation quantisation
     * scale, so a text's vector depends on its batch-mates, even of equal length: measured 0.993 (bge) and 0.983
     * (MiniLM) for "Short." below. Pooling the padding as well would give 0.66, far under this bound.
     */
    static final double SAME_VECTOR_IN_A_BATCH = 0.95;

    private Encoder encoder;

    abstract EncoderModel model();

    Encoder encoder() {
        return encoder;
    }

    @BeforeAll
    void openEncoder() {
        encoder = new OnnxEncoder(model(), OnnxEncoder.DEFAULT_MAX_TOKENS, 1);
    }

    @AfterAll
    void closeEncoder() {
        encoder.close();
    }

    @Test
    void vectorsHaveTheModelsDimensionAndUnitLength() {
        float[] query = encoder.encodeQuery("graph neural networks for molecules");
        List<float[]> passages = encoder.encodePassages(List.of("A short passage.", "Another passage about cells."));

        assertThat(encoder.dimension()).isEqualTo(model().dimension());
        for (float[] vector : List.of(query, passages.get(0), passages.get(1))) {
            assertThat(vector).hasSize(model().dimension());
            assertThat(cosine(vector, vector)).isBetween(0.9999, 1.0001);
        }
    }

    @Test
    void passagesMatchTheGoldenVectors() throws IOException {
        for (JsonNode golden : golden().path("passages")) {
            float[] vector = encoder.encodePassages(List.of(golden.path("text").asText())).getFirst();
            assertThat(cosine(vector, floats(golden.path("vector")))).as(golden.path("text").asText())
                    .isGreaterThanOrEqualTo(SAME_VECTOR);
        }
    }

    @Test
    void queriesMatchTheGoldenVectors() throws IOException {
        for (JsonNode golden : golden().path("queries")) {
            float[] vector = encoder.encodeQuery(golden.path("text").asText());
            assertThat(cosine(vector, floats(golden.path("vector")))).as(golden.path("text").asText())
                    .isGreaterThanOrEqualTo(SAME_VECTOR);
        }
    }

    @Test
    void similarSentencesScoreHigherThanUnrelatedOnes() {
        List<float[]> vectors = encoder.encodePassages(List.of(
                "Aspirin reduces the risk of heart attack.",
                "Taking aspirin lowers the chance of myocardial infarction.",
                "The stock market fell sharply on Monday."));

        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)));
    }

    @Test
    void aQueryIsClosestToThePassageThatAnswersIt() {
        float[] query = encoder.encodeQuery("does aspirin prevent heart attacks");
        List<float[]> passages = encoder.encodePassages(List.of(
                "Transformers use self-attention to model long-range dependencies in text.",
                "Daily low-dose aspirin reduced myocardial infarction in a randomized trial of adults."));

        assertThat(cosine(query, passages.get(1))).isGreaterThan(cosine(query, passages.get(0)));
    }

    @Test
    void emptyTextEncodes() {
        assertThat(encoder.encodePassages(List.of("")).getFirst()).hasSize(model().dimension());
        assertThat(encoder.encodeQuery("")).hasSize(model().dimension());
        assertThat(encoder.encodePassages(List.of())).isEmpty();
    }

    @Test
    void textBeyondTheTokenLimitIsIgnored() {
        String longText = "Quantum error correction protects fragile qubits from noise. ".repeat(170);
        assertThat(longText.length()).isGreaterThan(10_000);

        List<float[]> vectors = encoder.encodePassages(
                List.of(longText + "Aspirin and the heart.", longText + "Galaxies and black holes."));

        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(0.9999);
    }

    @Test
    void aLongerTokenLimitSeesFurtherIntoTheText() {
        // About 300 tokens of one sentence, then about 120 that differ: past 256 tokens, within 512.
        String head = "Quantum error correction protects fragile qubits from noise. ".repeat(25);
        List<String> texts = List.of(head + "Aspirin lowers the risk of heart attacks in older adults. ".repeat(10),
                head + "Galaxies merge and feed the black holes at their centres. ".repeat(10));
        try (Encoder cut = new OnnxEncoder(model(), 256, 1); Encoder whole = new OnnxEncoder(model(), 512, 1)) {
            List<float[]> short256 = cut.encodePassages(texts);
            List<float[]> long512 = whole.encodePassages(texts);
            assertThat(cosine(short256.get(0), short256.get(1))).isGreaterThanOrEqualTo(SAME_VECTOR);
            assertThat(cosine(long512.get(0), long512.get(1))).isLessThan(SAME_VECTOR);
            assertThat(whole.model()).isEqualTo(model().id() + "/512");
        }
    }

    @Test
    void aBlankLineBetweenTitleAndAbstractEncodesAsASpaceDoes() {
        // The tokenizer splits on any whitespace, so the join of EmbeddingText is the model card's "title text".
        List<float[]> vectors = encoder.encodePassages(List.of(
                EmbeddingText.of("Graphene ribbons", "We grow narrow ribbons of graphene."),
                "Graphene ribbons We grow narrow ribbons of graphene."));
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThanOrEqualTo(SAME_VECTOR);
    }

    @Test
    void batchesGiveTheVectorsOfSingleTexts() {
        // Short texts padded to a long one: were padding pooled, their vectors would be mostly padding.
        List<String> texts = List.of("Short.", "A somewhat longer sentence about protein folding and structure.",
                "Medium length text on climate.", "Cells.");
        try (Encoder batched = new OnnxEncoder(model(), OnnxEncoder.DEFAULT_MAX_TOKENS, 1, 3, true)) {
            List<float[]> inBatches = batched.encodePassages(texts);
            List<float[]> oneByOne = encoder.encodePassages(texts);

            assertThat(inBatches).hasSameSizeAs(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(cosine(inBatches.get(i), oneByOne.get(i))).as(texts.get(i))
                        .isGreaterThanOrEqualTo(SAME_VECTOR_IN_A_BATCH);
            }
        }
    }

    @Test
    void aTextGetsTheVectorItGetsAloneWhateverTheOtherTextsOfTheCall() throws IOException {
        // Real papers of every length beside short ones: the backfill hands the encoder many texts per call, and a
        // paper's stored vector must not depend on which papers shared its call (issue 13 measured batched calls
        // at a cosine of 0.995 to 0.997 on real papers, through the shared quantisation scale).
        List<String> texts = new ArrayList<>(samplePapers(12));
        texts.add(1, "Short.");
        texts.add("Cells.");
        List<float[]> together = encoder.encodePassages(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(together.get(i), encoder.encodePassages(List.of(texts.get(i))).getFirst()))
                    .as(texts.get(i)).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    void concurrentEncodesGiveTheVectorsOfSequentialOnes() throws Exception {
        List<String> texts = List.of("Graph neural networks for molecules.", "Protein folding with deep learning.",
                "Dark matter halos in dwarf galaxies.", "Sleep deprivation and memory.");
        List<float[]> sequential = encoder.encodePassages(texts);
        try (ExecutorService threads = Executors.newFixedThreadPool(texts.size())) {
            List<Future<float[]>> concurrent = texts.stream()
                    .map(text -> threads.submit(() -> encoder.encodePassages(List.of(text)).getFirst())).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(cosine(concurrent.get(i).get(), sequential.get(i))).as(texts.get(i)).isGreaterThan(0.9999);
            }
        }
    }

    @Test
    void modelNamesTheModelAndTheTokenLimit() {
        assertThat(encoder.model()).isEqualTo(model().id() + "/" + OnnxEncoder.DEFAULT_MAX_TOKENS);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    /** Title and abstract of the first {@code count} papers of the 1k sample, as the backfill embeds them. */
    private static List<String> samplePapers(int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                EncoderContract.class.getResourceAsStream("/data/papers-sample-1k.jsonl.gz")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null && texts.size() < count; line = reader.readLine()) {
                JsonNode paper = json.readTree(line);
                texts.add(EmbeddingText.of(paper.get("title").asText(), paper.path("abstract").asText("")));
            }
        }
        return texts;
    }

    private JsonNode golden() throws IOException {
        String resource = "/embedding/" + model().id() + ".json";
        try (InputStream in = EncoderContract.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }
}
