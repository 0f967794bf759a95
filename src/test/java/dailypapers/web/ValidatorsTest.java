package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final String TAG = "W/\"abc\"";

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAList() {
        assertThat(Validators.matches("W/\"abc\"", TAG)).isTrue();
        assertThat(Validators.matches("\"abc\"", TAG)).as("weak comparison ignores W/").isTrue();
        assertThat(Validators.matches("\"x\", W/\"abc\"", TAG)).isTrue();
    }

    @Test
    void anotherTagOrNoneIsNoMatch() {
        assertThat(Validators.matches(null, TAG)).isFalse();
        assertThat(Validators.matches("W/\"abd\"", TAG)).isFalse();
        assertThat(Validators.matches("abc", TAG)).as("an unquoted value is not the tag").isFalse();
        assertThat(Validators.matches("", TAG)).isFalse();
        assertThat(Validators.matches("*", TAG)).as("a star may stand for a page that does not exist").isFalse();
    }
}
