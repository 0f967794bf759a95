package dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Small parameters keep the test fast; the rules do not depend on them. */
    static final PasswordHasher.Parameters FAST = new PasswordHasher.Parameters(1024, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(FAST);

    @Test
    void aHashIsArgon2idWithASaltOfItsOwnAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.hash("correct horse battery")).as("salted").isNotEqualTo(hash);
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void aHashMadeWithOtherParametersStillMatchesAndAsksForARehash() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Parameters(2048, 2, 1));
        String old = hasher.hash("correct horse battery");

        assertThat(stronger.matches("correct horse battery", old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.needsRehash(stronger.hash("correct horse battery"))).isFalse();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void aPasswordHasTenToOneThousandAndTwentyFourCharacters() {
        assertThatCode(() -> PasswordHasher.checkRules("0123456789")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordHasher.checkRules("😀".repeat(1024))).as("code points")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordHasher.checkRules("012345678")).isInstanceOf(AccountException.class)
                .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.PASSWORD_TOO_SHORT);
        assertThatThrownBy(() -> PasswordHasher.checkRules(null)).isInstanceOf(AccountException.class);
        assertThatThrownBy(() -> PasswordHasher.checkRules("x".repeat(1025))).isInstanceOf(AccountException.class)
                .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.PASSWORD_TOO_LONG);
    }

    @Test
    void theDefaultParametersAreOwaspsArgon2idChoice() {
        assertThat(new PasswordHasher(PasswordHasher.DEFAULT).hash("correct horse battery"))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
