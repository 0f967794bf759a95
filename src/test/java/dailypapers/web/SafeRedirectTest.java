package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeRedirectTest {

    @Test
    void aPathOfThisSiteIsKept() {
        assertThat(SafeRedirect.path("/settings")).isEqualTo("/settings");
        assertThat(SafeRedirect.path("/2401.09603?tab=comments#c1")).isEqualTo("/2401.09603?tab=comments#c1");
        assertThat(SafeRedirect.path("/")).isEqualTo("/");
    }

    @Test
    void anythingThatCouldLeaveTheSiteGoesHome() {
        for (String next : new String[] {null, "", "settings", "//evil.example", "///evil.example",
                "/\\evil.example", "\\\\evil.example", "https://evil.example", "javascript:alert(1)",
                "/\t/evil.example", "/\n/evil.example", "/\r\nSet-Cookie: x=1", "/\u0000", "/\u007f",
                "/\u202e/evil", " /settings"}) {
            assertThat(SafeRedirect.path(next)).as(String.valueOf(next)).isEqualTo("/");
        }
    }

    @Test
    void aFormWithItsOwnFallbackGoesThereInstead() {
        assertThat(SafeRedirect.path("/library?p=2", "/papers/2401.09603")).isEqualTo("/library?p=2");
        assertThat(SafeRedirect.path("//evil.example", "/papers/2401.09603")).isEqualTo("/papers/2401.09603");
        assertThat(SafeRedirect.path(null, "/papers/2401.09603")).isEqualTo("/papers/2401.09603");
    }
}
