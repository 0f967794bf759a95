package dailypapers.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where members, their sessions and their emailed links are kept (the member, member_session and member_link_token
 * tables).
 */
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

    /** Marks the member's address confirmed (a link mailed to it was used); an earlier confirmation stays. */
    void markEmailVerified(long memberId, Instant at);

    /**
     * Makes {@code email} the member's address, confirmed at {@code at}; throws {@link AccountException} with
     * {@code EMAIL_TAKEN} when another member has it.
     */
    void changeEmail(long memberId, Email email, Instant at);

    /** False when there is no such member. */
    boolean setDisplayName(long memberId, DisplayName displayName);

    /**
     * Removes a member's personal data in one transaction: email, handle and display name become the tombstone's,
     * the password hash is emptied (no password matches it), and every session, link and access token of theirs is
     * deleted, and so is their digest subscription. The row stays, so what they wrote still has an author
     * ("deleted member").
     */
    void delete(long memberId, Tombstone tombstone);

    /** Stores a link; the member's expired links are removed on the way. */
    void addLinkToken(StoredLinkToken token);

    /** The link with this token hash, without using it (for a page that asks to confirm). */
    Optional<StoredLinkToken> linkToken(String tokenHash);

    /**
     * Uses a link: deletes it and returns it when it exists for this purpose (expired or not: the caller checks).
     * Atomic: of two concurrent uses of one link exactly one gets it.
     */
    Optional<StoredLinkToken> useLinkToken(String tokenHash, LinkPurpose purpose);

    /** Deletes the member's unused links of this purpose (a new password makes other reset links void). */
    void deleteLinkTokens(long memberId, LinkPurpose purpose);

    /** Starts a session; the member's sessions that expired before {@code session.createdAt()} are removed. */
    void createSession(StoredSession session);

    /** The session and its member, read together: every request of a signed-in member asks for both. */
    Optional<MemberSession> session(String tokenHash);

    /** Records that the session was used at {@code at}. */
    void touchSession(String tokenHash, Instant at);

    void deleteSession(String tokenHash);

    /** Ends every session of the member; returns how many there were. */
    int deleteSessions(long memberId);

    /**
     * A member to add, the password already hashed.
     *
     * @param emailVerifiedAt set when the address needs no confirmation (a member the operator creates)
     */
    record NewMember(Email email, Handle handle, DisplayName displayName, Role role, String passwordHash,
            Instant createdAt, Optional<Instant> emailVerifiedAt) {
    }

    /** What a deleted member's row keeps instead of their email, handle and display name. */
    record Tombstone(Email email, Handle handle, DisplayName displayName, Instant deletedAt) {
    }

    /**
     * An emailed link as stored: only the SHA-256 of its token, in hex.
     *
     * @param newEmail the address a {@link LinkPurpose#CHANGE_EMAIL} link confirms; empty for the other purposes
     */
    record StoredLinkToken(String tokenHash, long memberId, LinkPurpose purpose, Optional<Email> newEmail,
            Instant createdAt, Instant expiresAt) {
    }

    record Credentials(Member member, String passwordHash) {
    }

    /** A session as stored: only the SHA-256 of its token, in hex. */
    record StoredSession(String tokenHash, long memberId, Instant createdAt, Instant lastSeenAt,
            Instant expiresAt) {
    }

    /** A session with the member it belongs to, whatever their state. */
    record MemberSession(StoredSession session, Member member) {
    }
}
