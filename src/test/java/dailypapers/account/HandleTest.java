package dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandleTest {

    @Test
    void aHandleIsLowerCasedAndCompatibilityFormsBecomeAscii() {
        assertThat(new Handle("Ada_Lovelace").value()).isEqualTo("ada_lovelace");
        assertThat(new Handle("ａｄａ－ｌ").value()).as("full-width").isEqualTo("ada-l");
        assertThat(new Handle("  grace-99 ").value()).isEqualTo("grace-99");
    }

    @Test
    void aHandleHasThreeToThirtyCharactersOfTheAllowedSet() {
        assertThat(new Handle("abc").value()).isEqualTo("abc");
        assertThat(new Handle("a".repeat(30)).value()).hasSize(30);
        for (String bad : new String[] {"ab", "a".repeat(31), "ada lovelace", "ada.l", "ada@l", "adа", "émile",
                "", null, "ada\u202El"}) {
            assertThatThrownBy(() -> new Handle(bad)).as(String.valueOf(bad)).isInstanceOf(AccountException.class)
                    .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.HANDLE_INVALID);
        }
    }

    @Test
    void reservedWordsAndTheirLookAlikesAreRefused() {
        for (String reserved : new String[] {"admin", "ADMIN", "adm1n", "root", "r00t", "moderator", "rnod", "api",
                "about", "search", "ａｄｍｉｎ", "sign_in"}) {
            assertThatThrownBy(() -> Handle.choose(reserved)).as(reserved).isInstanceOf(AccountException.class)
                    .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.HANDLE_RESERVED);
        }
        assertThat(Handle.choose("admiral").value()).isEqualTo("admiral");
        assertThat(new Handle("admin").value()).as("a stored handle is read whatever is reserved today")
                .isEqualTo("admin");
    }

    @Test
    void lookAlikeHandlesShareOneKey() {
        assertThat(new Handle("ada_l").key()).isEqualTo(new Handle("ada-l").key());
        assertThat(new Handle("b0b1").key()).isEqualTo(new Handle("bobl").key()).isEqualTo(new Handle("bobi").key());
        assertThat(new Handle("modern").key()).isEqualTo(new Handle("rnodem").key());
        assertThat(new Handle("vvill").key()).isEqualTo(new Handle("will").key());
        assertThat(new Handle("ada").key()).isNotEqualTo(new Handle("eda").key());
    }
}
