package dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void anEmailIsTrimmedAndLowerCasedSoThatSpellingsOfOneMailboxAreEqual() {
        assertThat(new Email("  Ada.Lovelace@Example.ORG ")).isEqualTo(new Email("ada.lovelace@example.org"));
        assertThat(new Email("ADA@EXAMPLE.ORG").value()).isEqualTo("ada@example.org");
    }

    @Test
    void somethingThatIsNoEmailIsRefused() {
        for (String bad : new String[] {"", "ada", "@example.org", "ada@", "ada@example", "ada@@example.org",
                "a@b@example.org", "ada lovelace@example.org", "ada@example..org", "ada@.example.org",
                "ada\u0000@example.org", "ada\u202E@example.org", "a".repeat(250) + "@x.org", null}) {
            assertThatThrownBy(() -> new Email(bad)).as(String.valueOf(bad)).isInstanceOf(AccountException.class)
                    .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.EMAIL_INVALID);
        }
    }
}
