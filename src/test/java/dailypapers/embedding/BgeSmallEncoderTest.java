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

    @Test
    void theFloat32ExportEncodesCloseToTheInt8One() {
        String text = "Graphene nanoribbons\n\nWe grow narrow ribbons of graphene on germanium and measure their"
                + " band gap.";
        try (Encoder full = new OnnxEncoder(EncoderModel.BGE_SMALL_EN_V15, 256, 1)) {
            float[] float32 = full.encodePassages(List.of(text)).getFirst();
            float[] int8 = encoder().encodePassages(List.of(text)).getFirst();
            assertThat(cosine(float32, int8)).isGreaterThan(0.9);
            assertThat(float32).isNotEqualTo(int8);
            assertThat(full.model()).isEqualTo("bge-small-en-v1.5/256");
        }
    }
}
