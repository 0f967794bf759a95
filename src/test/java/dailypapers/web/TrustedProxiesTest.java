package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8");

    @Test
    void addressesAndRangesAreTrustedAndNothingElse() {
        assertThat(proxies.isTrusted("127.0.0.1")).isTrue();
        assertThat(proxies.isTrusted("127.0.0.2")).isFalse();
        assertThat(proxies.isTrusted("10.200.3.4")).isTrue();
        assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
        assertThat(proxies.isTrusted("[::1]")).isTrue();
        assertThat(proxies.isTrusted("fd12::5")).isTrue();
        assertThat(proxies.isTrusted("fe80::1")).isFalse();
        assertThat(proxies.isTrusted("localhost")).isFalse();
        assertThat(proxies.isTrusted(null)).isFalse();
        assertThat(TrustedProxies.parse("").isTrusted("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").isTrusted("203.0.113.9")).isTrue();
    }

    @Test
    void aBadEntryIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example"))
                .hasMessageContaining("'proxy.example'");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33'");
    }

    @Test
    void onlyATrustedPeerIsBelievedAboutTheClientAndTheScheme() {
        TrustedProxies local = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");
        assertThat(RequestOrigin.from("203.0.113.9", false, "198.51.100.1", "https", local))
                .isEqualTo(new RequestOrigin("203.0.113.9", false));
        assertThat(RequestOrigin.from("127.0.0.1", false, "198.51.100.1", "https", local))
                .isEqualTo(new RequestOrigin("198.51.100.1", true));
        // The client can write anything left of the first untrusted hop; the rightmost untrusted one is the client.
        assertThat(RequestOrigin.from("127.0.0.1", false, "1.2.3.4, 198.51.100.1, 10.0.0.5", "http", local))
                .isEqualTo(new RequestOrigin("198.51.100.1", false));
        assertThat(RequestOrigin.from("127.0.0.1", false, "not-an-address", null, local))
                .isEqualTo(new RequestOrigin("127.0.0.1", false));
        assertThat(RequestOrigin.from("127.0.0.1", true, null, null, local))
                .isEqualTo(new RequestOrigin("127.0.0.1", true));
    }
}
