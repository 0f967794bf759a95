package dailypapers.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgeSmallEncoderTest extends EncoderContract {

    @Override
    EncoderModel model() {
        return EncoderModel.BGE_SMALL_EN_V15_Q;
    }

    @Test
    void queriesCarryTheRetrievalInstruction() {
        String text = "effects of sleep deprivation on memory";
        float[] query = encoder().encodeQuery(text);
        List<float[]> passages = encoder().encodePassages(List.of(text, model().queryPrefix() + text));

        assertThat(cosine(query, passages.get(0))).isLessThan(SAME_VECTOR);
        assertThat(cosine(query, passages.get(1))).isGreaterThanOrEqualTo(SAME_VECTOR);
    }
}
