package dailypapers.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LazyEncoderTest {

    @Test
    void namesItsModelWithoutLoadingIt() {
        try (LazyEncoder lazy = new LazyEncoder(EncoderModel.BGE_SMALL_EN_V15_Q, 1);
                OnnxEncoder eager = new OnnxEncoder(EncoderModel.BGE_SMALL_EN_V15_Q, 1)) {
            assertThat(lazy.model()).isEqualTo(eager.model());
            assertThat(lazy.dimension()).isEqualTo(eager.dimension());
            assertThat(lazy.isLoaded()).isFalse();

            float[] vector = lazy.encodeQuery("sparse attention for long documents");

            assertThat(lazy.isLoaded()).isTrue();
            float[] expected = eager.encodeQuery("sparse attention for long documents");
            assertThat(EncoderContract.cosine(vector, expected)).isGreaterThan(0.99);
        }
    }
}
