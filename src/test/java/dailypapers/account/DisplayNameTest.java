package dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayNameTest {

    @Test
    void aDisplayNameIsCleanedAndItsWhitespaceCollapsed() {
        assertThat(new DisplayName("  Ada \t\n Lovelace ").value()).isEqualTo("Ada Lovelace");
        assertThat(new DisplayName("Ada\u202E\u0007 Lovelace").value()).isEqualTo("Ada Lovelace");
        assertThat(new DisplayName("Émile Zola 📚").value()).isEqualTo("Émile Zola 📚");
    }

    @Test
    void aDisplayNameHasOneToFiftyCharacters() {
        assertThat(new DisplayName("😀".repeat(50)).value()).as("code points, not chars").hasSize(100);
        for (String bad : new String[] {"", "   ", "\u202E", "x".repeat(51), null}) {
            assertThatThrownBy(() -> new DisplayName(bad)).as(String.valueOf(bad))
                    .isInstanceOf(AccountException.class)
                    .extracting(e -> ((AccountException) e).code())
                    .isEqualTo(AccountException.Code.DISPLAY_NAME_INVALID);
        }
    }
}
