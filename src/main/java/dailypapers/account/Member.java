package dailypapers.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as stored, without the password hash (which only {@link AccountStore#credentials} reads).
 *
 * @param emailVerifiedAt empty until the member follows a link mailed to the address
 * @param suspendedUntil  when a moderator's suspension ends; until then the member reads and signs in but cannot
 *                        post ({@link #canPost})
 */
public record Member(long id, Email email, Handle handle, DisplayName displayName, Role role, MemberState state,
        Instant createdAt, Optional<Instant> emailVerifiedAt, Optional<Instant> suspendedUntil) {

    public Member {
        Objects.requireNonNull(email);
        Objects.requireNonNull(handle);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(role);
        Objects.requireNonNull(state);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(emailVerifiedAt);
        Objects.requireNonNull(suspendedUntil);
    }

    public boolean isBanned() {
        return state == MemberState.BANNED;
    }

    /** Whether the member may sign in and act: neither banned nor deleted. */
    public boolean isActive() {
        return state == MemberState.ACTIVE;
    }

    /** Suspended by a moderator at {@code now}: the suspension has not ended yet. */
    public boolean isSuspended(Instant now) {
        return suspendedUntil.filter(now::isBefore).isPresent();
    }

    /**
     * Whether the member may write anything others see at {@code now}: post, vote, submit, comment, flag. Every
     * route that refuses a banned member asks this instead, so a suspension is refused in the same places.
     */
    public boolean canPost(Instant now) {
        return isActive() && !isSuspended(now);
    }

    public boolean isStaff() {
        return role != Role.MEMBER;
    }
}
