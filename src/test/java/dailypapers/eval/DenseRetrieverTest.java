package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dailypapers.embedding.Encoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseRetrieverTest {

    /** Looks query vectors up in a table: the encoder is not what these tests are about. */
    private record TableEncoder(Map<String, float[]> queries) implements Encoder {

        @Override
        public String model() {
            return "table";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] encodeQuery(String query) {
            return queries.get(query);
        }

        @Override
        public List<float[]> encodePassages(List<String> passages) {
            throw new AssertionError("the retriever must not embed documents: they come as vectors");
        }

        @Override
        public void close() {
        }
    }

    private final DenseRetriever retriever = new DenseRetriever(
            new TableEncoder(Map.of("east", new float[] {1, 0}, "north", new float[] {0, 5})),
            List.of("east", "north-east", "north", "far-east", "zero"),
            List.of(new float[] {2, 0}, new float[] {1, 1}, new float[] {0, 3}, new float[] {10, 0},
                    new float[] {0, 0}));

    @Test
    void ranksByCosineWhateverTheVectorLengths() {
        List<ScoredDocument> ranking = retriever.search(new float[] {3, 1}, 3);

        assertThat(ranking).extracting(ScoredDocument::id).containsExactly("far-east", "east", "north-east");
        assertThat(ranking.getFirst().score()).isCloseTo(3 / Math.sqrt(10), within(1e-6));
        assertThat(ranking.get(2).score()).isCloseTo(4 / Math.sqrt(20), within(1e-6));
    }

    @Test
    void equalScoresKeepTheHigherDocumentIdAtTheCut() {
        assertThat(retriever.search(new float[] {1, 0}, 1)).extracting(ScoredDocument::id).containsExactly("far-east");
        assertThat(retriever.search(new float[] {1, 0}, 2)).extracting(ScoredDocument::id)
                .containsExactly("far-east", "east");
    }

    @Test
    void aZeroVectorScoresZero() {
        assertThat(retriever.search(new float[] {0, 1}, 5)).contains(new ScoredDocument("zero", 0));
    }

    @Test
    void retrieveEncodesTheQueryText() {
        assertThat(retriever.retrieve("north", 1)).extracting(ScoredDocument::id).containsExactly("north");
    }

    @Test
    void returnsAtMostTheCorpus() {
        assertThat(retriever.search(new float[] {1, 1}, 100)).hasSize(5);
        assertThat(retriever.search(new float[] {1, 1}, 0)).isEmpty();
    }

    @Test
    void rejectsVectorsOfAnotherDimension() {
        assertThatThrownBy(() -> retriever.search(new float[] {1, 1, 1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DenseRetriever(new TableEncoder(Map.of()), List.of("a"),
                List.of(new float[] {1}))).isInstanceOf(IllegalArgumentException.class);
    }
}
