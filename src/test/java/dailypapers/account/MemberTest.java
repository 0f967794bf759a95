package dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void anActiveMemberPosts() {
        assertThat(member(MemberState.ACTIVE, Optional.empty()).canPost(NOW)).isTrue();
    }

    @Test
    void aSuspendedMemberCannotPostUntilTheSuspensionEnds() {
        Member suspended = member(MemberState.ACTIVE, Optional.of(NOW.plusSeconds(60)));
        assertThat(suspended.isSuspended(NOW)).isTrue();
        assertThat(suspended.canPost(NOW)).isFalse();
        assertThat(suspended.canPost(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void aBannedMemberNeverPosts() {
        assertThat(member(MemberState.BANNED, Optional.empty()).canPost(NOW)).isFalse();
    }

    private static Member member(MemberState state, Optional<Instant> suspendedUntil) {
        return new Member(1, new Email("ada@example.org"), new Handle("ada"), new DisplayName("Ada"), Role.MEMBER,
                state, NOW, Optional.empty(), suspendedUntil);
    }
}
