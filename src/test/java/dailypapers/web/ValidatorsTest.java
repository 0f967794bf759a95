package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final String TAG = "W/\"abc\"";

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAStar() {
        assertThat(Validators.matches("W/\"abc\"", TAG)).isTrue();
        assertThat(Validators.matches("\"abc\"", TAG)).as("weak comparison ignores W/").isTrue();
        assertThat(Validators.matches("\"x\", W/\"abc\"", TAG)).isTrue();
        assertThat(Validators.matches("*", TAG)).isTrue();
    }

    @Test
    void anotherTagOrNoneIsNoMatch() {
        assertThat(Validators.matches(null, TAG)).isFalse();
        assertThat(Validators.matches("W/\"abd\"", TAG)).isFalse();
        assertThat(Validators.matches("abc", TAG)).as("an unquoted value is not the tag").isFalse();
        assertThat(Validators.matches("", TAG)).isFalse();
    }
}
