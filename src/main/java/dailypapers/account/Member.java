package dailypapers.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as stored, without the password hash (which only {@link AccountStore#credentials} reads).
 *
 * @param emailVerifiedAt empty until the member follows a link mailed to the address
 */
public record Member(long id, Email email, Handle handle, DisplayName displayName, Role role, MemberState state,
        Instant createdAt, Optional<Instant> emailVerifiedAt) {

    public Member {
        Objects.requireNonNull(email);
        Objects.requireNonNull(handle);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(role);
        Objects.requireNonNull(state);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(emailVerifiedAt);
    }

    public boolean isBanned() {
        return state == MemberState.BANNED;
    }

    /** Whether the member may sign in and act: neither banned nor deleted. */
    public boolean isActive() {
        return state == MemberState.ACTIVE;
    }
}
