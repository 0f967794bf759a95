package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.ingest.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static final AdminToken TOKEN = new AdminToken("correct horse battery staple");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.2.1", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    void loopbackAddressesAreThisMachine(String address) {
        assertThat(AdminAccess.isFromThisMachine(address, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.2", "10.0.0.1", "fd00::2", "::ffff:192.0.2.2", "localhost", "", "128.0.0.1"})
    void otherAddressesAreNot(String address) {
        assertThat(AdminAccess.isFromThisMachine(address, false)).isFalse();
    }

    @Test
    void aRequestRelayedByAProxyOnThisMachineIsNotLocal() {
        assertThat(AdminAccess.isFromThisMachine("127.0.0.1", true)).isFalse();
        assertThat(AdminAccess.isFromThisMachine(null, false)).isFalse();
    }

    @Test
    void theTokenMatchesOnlyItselfAndNeverPrints() {
        assertThat(TOKEN.matches("correct horse battery staple")).isTrue();
        assertThat(TOKEN.matches("correct horse battery stapl")).isFalse();
        assertThat(TOKEN.matches("")).isFalse();
        assertThat(TOKEN.matches(null)).isFalse();
        assertThat(TOKEN.toString()).doesNotContain("horse");
        assertThatThrownBy(() -> new AdminToken(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSessionIsValidOnEveryNodeWithTheSameTokenUntilItExpires() {
        TestClock clock = new TestClock(Instant.parse("2026-08-22T12:00:00Z"));
        AdminAccess access = new AdminAccess(Optional.of(TOKEN), clock);
        String session = access.newSession();

        assertThat(session).doesNotContain("horse");
        assertThat(access.isValidSession(session)).isTrue();
        assertThat(new AdminAccess(Optional.of(TOKEN), clock).isValidSession(session)).as("another node").isTrue();
        assertThat(new AdminAccess(Optional.of(new AdminToken("another operator token")), clock)
                .isValidSession(session)).as("after the token changed").isFalse();
        String[] parts = session.split("\\.");
        long later = Long.parseLong(parts[0]) + 3600;
        assertThat(access.isValidSession(later + "." + parts[1])).isFalse();
        assertThat(access.isValidSession(session + "x")).isFalse();
        assertThat(access.isValidSession("garbage")).isFalse();
        assertThat(access.isValidSession(null)).isFalse();

        clock.advance(AdminAccess.SESSION_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(access.isValidSession(session)).isFalse();
    }

    @Test
    void signInFormsAreTakenOnlyFromThisSite() {
        assertThat(Csrf.isSameOrigin("same-origin", "https://evil.example", "papers.example")).isTrue();
        assertThat(Csrf.isSameOrigin("none", null, "papers.example")).isTrue();
        assertThat(Csrf.isSameOrigin("cross-site", null, "papers.example")).isFalse();
        assertThat(Csrf.isSameOrigin("same-site", null, "papers.example")).isFalse();
        assertThat(Csrf.isSameOrigin(null, "https://papers.example", "papers.example")).isTrue();
        assertThat(Csrf.isSameOrigin(null, "http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(Csrf.isSameOrigin(null, "https://evil.example", "papers.example")).isFalse();
        assertThat(Csrf.isSameOrigin(null, "null", "papers.example")).isFalse();
        // Neither header: not a browser, so no other site can have sent it.
        assertThat(Csrf.isSameOrigin(null, null, "papers.example")).isTrue();
    }

    @Test
    void aSignInReturnsOnlyToAnAdminPageOfThisSite() {
        assertThat(SignInPages.safeNext("/admin/search")).isEqualTo("/admin/search");
        assertThat(SignInPages.safeNext("/admin/search?x=1")).isEqualTo("/admin/search?x=1");
        assertThat(SignInPages.safeNext("https://evil.example/admin/")).isEqualTo(SignInPages.DEFAULT_NEXT);
        assertThat(SignInPages.safeNext("//evil.example/admin/")).isEqualTo(SignInPages.DEFAULT_NEXT);
        assertThat(SignInPages.safeNext("/admin/\\evil")).isEqualTo(SignInPages.DEFAULT_NEXT);
        assertThat(SignInPages.safeNext("/admin/sign-in")).isEqualTo(SignInPages.DEFAULT_NEXT);
        assertThat(SignInPages.safeNext(null)).isEqualTo(SignInPages.DEFAULT_NEXT);
    }
}
