package dailypapers.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where members and their sessions are kept (the member and member_session tables). */
public interface AccountStore {

    /**
     * Adds a member. Throws {@link AccountException} with {@code EMAIL_TAKEN} or {@code HANDLE_TAKEN} when another
     * member has the email or a handle of the same {@link Handle#key() key}, also when both are added at once.
     */
    Member create(NewMember member);

    Optional<Member> member(long id);

    Optional<Member> member(Email email);

    /** The member with this email and their password hash, for a sign-in. */
    Optional<Credentials> credentials(Email email);

    /** The password hash of a member, for a password change. */
    Optional<String> passwordHash(long memberId);

    /** Every member, oldest first. */
    List<Member> members();

    /** Replaces a hash by one of the same password under new parameters; sessions stay. */
    void rehash(long memberId, String passwordHash);

    /** Sets a new password and ends every session of the member, in one transaction. */
    void replacePassword(long memberId, String passwordHash);

    /** False when there is no such member. */
    boolean setRole(long memberId, Role role);

    /** Marks the member banned and ends every session of theirs, in one transaction; false when there is none. */
    boolean ban(long memberId);

    /** Starts a session; the member's sessions that expired before {@code session.createdAt()} are removed. */
    void createSession(StoredSession session);

    Optional<StoredSession> session(String tokenHash);

    /** Records that the session was used at {@code at}. */
    void touchSession(String tokenHash, Instant at);

    void deleteSession(String tokenHash);

    /** Ends every session of the member; returns how many there were. */
    int deleteSessions(long memberId);

    /** A member to add, the password already hashed. */
    record NewMember(Email email, Handle handle, DisplayName displayName, Role role, String passwordHash,
            Instant createdAt) {
    }

    record Credentials(Member member, String passwordHash) {
    }

    /** A session as stored: only the SHA-256 of its token, in hex. */
    record StoredSession(String tokenHash, long memberId, Instant createdAt, Instant lastSeenAt,
            Instant expiresAt) {
    }
}
