package dailypapers.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest extends EncoderContract {

    @Override
    EncoderModel model() {
        return EncoderModel.ALL_MINILM_L6_V2_Q;
    }

    @Test
    void queriesEncodeLikePassages() {
        String text = "effects of sleep deprivation on memory";

        assertThat(cosine(encoder().encodeQuery(text), encoder().encodePassages(List.of(text)).getFirst()))
                .isGreaterThanOrEqualTo(SAME_VECTOR);
    }
}
