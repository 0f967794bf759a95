package dailypapers.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aPapersIdIsCanonicalWhateverFormItCameIn() {
        assertThat(Target.of("paper", "arXiv:2401.09603v2").id()).isEqualTo("2401.09603");
        assertThat(Target.of("paper", " https://arxiv.org/abs/2401.09603 ").id()).isEqualTo("2401.09603");
    }

    @Test
    void otherTargetsArePositiveNumbers() {
        assertThat(Target.of("member", "0042").id()).isEqualTo("42");
        for (String bad : new String[] {"", "0", "-1", "4a", "99999999999999999999", "1 OR 1=1"}) {
            assertThatThrownBy(() -> Target.of("comment", bad)).as(bad).isInstanceOf(ModerationException.class)
                    .extracting(e -> ((ModerationException) e).code())
                    .isEqualTo(ModerationException.Code.TARGET_INVALID);
        }
    }

    @Test
    void kindsAndReasonsComeFromTheirLists() {
        assertThat(TargetKind.of("submission")).isEqualTo(TargetKind.SUBMISSION);
        assertThat(FlagReason.of("off-topic")).isEqualTo(FlagReason.OFF_TOPIC);
        assertThatThrownBy(() -> TargetKind.of("PAPER")).isInstanceOf(ModerationException.class);
        assertThatThrownBy(() -> FlagReason.of(null)).isInstanceOf(ModerationException.class);
    }
}
