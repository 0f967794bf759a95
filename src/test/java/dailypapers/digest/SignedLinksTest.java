package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Subscription ADA = subscription(41, "ada@example.org");

    private final AtomicReference<String> stored = new AtomicReference<>();
    private final SecretStore secrets = (name, fresh, at) -> {
        stored.compareAndSet(null, fresh.get());
        return stored.get();
    };
    private final SignedLinks links = new SignedLinks(secrets, NOW);

    @Test
    void aSignedTokenIsValidUntilItExpiresAndThenStillNamesItsSubscription() {
        String token = links.sign(SignedLinks.Purpose.PREFERENCES, ADA, NOW.plusSeconds(60));
        assertThat(links.verify(SignedLinks.Purpose.PREFERENCES, token, NOW, id -> Optional.of(ADA)))
                .isEqualTo(new SignedLinks.Result.Valid(ADA));
        assertThat(links.verify(SignedLinks.Purpose.PREFERENCES, token, NOW.plusSeconds(60), id -> Optional.of(ADA)))
                .isEqualTo(new SignedLinks.Result.Expired(ADA));
    }

    @Test
    void anAlteredTokenAnotherPurposeAnotherAddressOrAnotherKeyIsInvalid() {
        String token = links.sign(SignedLinks.Purpose.CONFIRM, ADA, NOW.plusSeconds(60));
        SignedLinks.Result invalid = new SignedLinks.Result.Invalid();
        String longer = token.replaceFirst("\\.(\\d+)\\.", "." + NOW.plusSeconds(999_999).getEpochSecond() + ".");
        assertThat(links.verify(SignedLinks.Purpose.CONFIRM, longer, NOW, id -> Optional.of(ADA))).isEqualTo(invalid);
        assertThat(links.verify(SignedLinks.Purpose.UNSUBSCRIBE, token, NOW, id -> Optional.of(ADA)))
                .isEqualTo(invalid);
        assertThat(links.verify(SignedLinks.Purpose.CONFIRM, token, NOW,
                id -> Optional.of(subscription(41, "eve@example.org")))).isEqualTo(invalid);
        assertThat(links.verify(SignedLinks.Purpose.CONFIRM, token, NOW, id -> Optional.empty())).isEqualTo(invalid);
        SignedLinks otherKey = new SignedLinks((name, fresh, at) -> fresh.get(), NOW);
        assertThat(otherKey.verify(SignedLinks.Purpose.CONFIRM, token, NOW, id -> Optional.of(ADA)))
                .isEqualTo(invalid);
        for (String junk : new String[] {"", "41", "41..", "x.1.2", token + "A", null,
                "9999999999999999999." + token.substring(token.indexOf('.') + 1)}) {
            assertThat(links.verify(SignedLinks.Purpose.CONFIRM, junk, NOW, id -> Optional.of(ADA)))
                    .isEqualTo(invalid);
        }
    }

    private static Subscription subscription(long id, String email) {
        return new Subscription(id, email, Optional.empty(), Cadence.DAILY, ZoneOffset.UTC,
                SubscriptionState.CONFIRMED, Optional.empty(), List.of(), NOW, Optional.of(NOW), Optional.empty(),
                Optional.of(NOW));
    }
}
