package dailypapers.store;

import dailypapers.account.AccountException;
import dailypapers.account.AccountStore;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.LinkPurpose;
import dailypapers.account.Member;
import dailypapers.account.MemberState;
import dailypapers.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link AccountStore} on the member, member_session and member_link_token tables, in SQL that SQLite and
 * PostgreSQL both run. Writes take the data-version lock first ({@link HandleSource#versioned}): a member's handle
 * and display name show on public pages, and a trigger bumps the version when they change.
 * Uniqueness is the database's: a new member is inserted with {@code ON CONFLICT DO NOTHING} (which on PostgreSQL
 * waits for a concurrent insert of the same email or handle to commit), and when nothing was inserted a second look
 * says which of the two was taken (the handle first: it is public, while whether an email is a member's must not
 * show). A link is used by {@code DELETE ... RETURNING}, so one of two concurrent uses gets the row.
 */
public final class JdbiAccountStore implements AccountStore {

    static final String MEMBER_COLUMNS =
            "m.id, m.email, m.handle, m.display_name, m.role, m.state, m.created_at, m.email_verified_at,"
            + " m.deleted_at, m.suspended_until";
    private static final String LINK_COLUMNS = "token_hash, member_id, purpose, new_email, created_at, expires_at";
    /** PostgreSQL's unique_violation; SQLite takes its write lock first, so there it cannot happen mid-update. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final HandleSource handles;

    public JdbiAccountStore(Database database) {
        this(HandleSource.versioned(database));
    }

    JdbiAccountStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Member create(NewMember member) {
        return handles.write(h -> {
            Optional<Long> id = h.createQuery("""
                            INSERT INTO member (email, handle, handle_key, display_name, password_hash, role, state,
                                created_at, email_verified_at)
                            VALUES (:email, :handle, :handleKey, :displayName, :passwordHash, :role, 'active', :at,
                                :verifiedAt)
                            ON CONFLICT DO NOTHING
                            RETURNING id""")
                    .bind("email", member.email().value())
                    .bind("handle", member.handle().value())
                    .bind("handleKey", member.handle().key())
                    .bind("displayName", member.displayName().value())
                    .bind("passwordHash", member.passwordHash())
                    .bind("role", member.role().key())
                    .bind("at", member.createdAt().toString())
                    .bind("verifiedAt", member.emailVerifiedAt().map(Instant::toString).orElse(null))
                    .mapTo(Long.class)
                    .findOne();
            if (id.isPresent()) {
                return new Member(id.get(), member.email(), member.handle(), member.displayName(), member.role(),
                        MemberState.ACTIVE, member.createdAt(), member.emailVerifiedAt(), Optional.empty());
            }
            boolean handleTaken = h.createQuery("SELECT COUNT(*) FROM member WHERE handle_key = :handleKey")
                    .bind("handleKey", member.handle().key()).mapTo(Integer.class).one() > 0;
            throw handleTaken
                    ? new AccountException(AccountException.Code.HANDLE_TAKEN,
                            "the handle '" + member.handle() + "' or one that looks like it is taken")
                    : emailTaken();
        });
    }

    @Override
    public Optional<Member> member(long id) {
        return handles.read(h -> h.createQuery("SELECT " + MEMBER_COLUMNS + " FROM member m WHERE m.id = :id")
                .bind("id", id).map((rs, ctx) -> member(rs)).findOne());
    }

    @Override
    public Optional<Member> member(Email email) {
        return handles.read(h -> h.createQuery("SELECT " + MEMBER_COLUMNS + " FROM member m WHERE m.email = :email")
                .bind("email", email.value()).map((rs, ctx) -> member(rs)).findOne());
    }

    @Override
    public Optional<Credentials> credentials(Email email) {
        return handles.read(h -> h.createQuery("SELECT " + MEMBER_COLUMNS
                        + ", m.password_hash FROM member m WHERE m.email = :email")
                .bind("email", email.value())
                .map((rs, ctx) -> new Credentials(member(rs), rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public Optional<String> passwordHash(long memberId) {
        return handles.read(h -> h.createQuery("SELECT password_hash FROM member WHERE id = :id")
                .bind("id", memberId).mapTo(String.class).findOne());
    }

    @Override
    public List<Member> members() {
        return handles.read(h -> h.createQuery("SELECT " + MEMBER_COLUMNS + " FROM member m ORDER BY m.id")
                .map((rs, ctx) -> member(rs)).list());
    }

    @Override
    public void rehash(long memberId, String passwordHash) {
        handles.write(h -> setPasswordHash(h, memberId, passwordHash));
    }

    @Override
    public void replacePassword(long memberId, String passwordHash) {
        handles.write(h -> {
            setPasswordHash(h, memberId, passwordHash);
            return deleteSessions(h, memberId);
        });
    }

    @Override
    public boolean setRole(long memberId, Role role) {
        return handles.write(h -> h.createUpdate("UPDATE member SET role = :role WHERE id = :id")
                .bind("role", role.key()).bind("id", memberId).execute()) > 0;
    }

    @Override
    public boolean ban(long memberId) {
        return handles.write(h -> ban(h, memberId));
    }

    /** Bans on this handle, for a moderator's ban in the transaction that logs it. */
    static boolean ban(Handle h, long memberId) {
        int updated = h.createUpdate("UPDATE member SET state = 'banned' WHERE id = :id")
                .bind("id", memberId).execute();
        deleteSessions(h, memberId);
        return updated > 0;
    }

    @Override
    public void markEmailVerified(long memberId, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE member SET email_verified_at = :at WHERE id = :id AND email_verified_at IS NULL""")
                .bind("at", at.toString()).bind("id", memberId).execute());
    }

    @Override
    public void changeEmail(long memberId, Email email, Instant at) {
        int changed;
        try {
            changed = handles.write(h -> h.createUpdate("""
                            UPDATE member SET email = :email, email_verified_at = :at
                            WHERE id = :id
                              AND NOT EXISTS (SELECT 1 FROM member o WHERE o.email = :email AND o.id <> :id)""")
                    .bind("email", email.value()).bind("at", at.toString()).bind("id", memberId).execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw emailTaken();
            }
            throw e;
        }
        if (changed == 0 && member(memberId).isPresent()) {
            throw emailTaken();
        }
    }

    @Override
    public boolean setDisplayName(long memberId, DisplayName displayName) {
        return handles.write(h -> h.createUpdate("UPDATE member SET display_name = :name WHERE id = :id")
                .bind("name", displayName.value()).bind("id", memberId).execute()) > 0;
    }

    @Override
    public void delete(long memberId, Tombstone tombstone) {
        handles.write(h -> {
            // Their digest subscription goes with their address (topics and digests cascade), before the address is
            // replaced: the one at the account's address and any they made while signed in.
            h.createUpdate("""
                            DELETE FROM subscription
                            WHERE member_id = :member OR email = (SELECT email FROM member WHERE id = :member)""")
                    .bind("member", memberId).execute();
            h.createUpdate("""
                            UPDATE member SET email = :email, handle = :handle, handle_key = :handleKey,
                                display_name = :displayName, password_hash = '', email_verified_at = NULL,
                                deleted_at = :at
                            WHERE id = :id""")
                    .bind("email", tombstone.email().value())
                    .bind("handle", tombstone.handle().value())
                    .bind("handleKey", tombstone.handle().key())
                    .bind("displayName", tombstone.displayName().value())
                    .bind("at", tombstone.deletedAt().toString())
                    .bind("id", memberId)
                    .execute();
            // The featured rows of the member's submissions name them by handle: that goes too. A row is the
            // member's when it was featured by their submission (same paper and instant), as the submission store
            // links them; a paper they submitted, hidden, and another member featured again stays the other's.
            h.createUpdate("""
                            UPDATE featured SET submitted_by = :handle
                            WHERE EXISTS (SELECT 1 FROM submission s WHERE s.member_id = :member
                                          AND s.paper_id = featured.paper_id AND s.submitted_at = featured.featured_at)""")
                    .bind("handle", tombstone.handle().value()).bind("member", memberId).execute();
            h.createUpdate("DELETE FROM member_link_token WHERE member_id = :member").bind("member", memberId)
                    .execute();
            h.createUpdate("DELETE FROM api_token WHERE member_id = :member").bind("member", memberId).execute();
            return deleteSessions(h, memberId);
        });
    }

    @Override
    public void addLinkToken(StoredLinkToken token) {
        handles.write(h -> {
            h.createUpdate("DELETE FROM member_link_token WHERE member_id = :member AND expires_at < :expired")
                    .bind("member", token.memberId())
                    .bind("expired", StoredTimes.lowerBound(token.createdAt()))
                    .execute();
            return h.createUpdate("INSERT INTO member_link_token (" + LINK_COLUMNS
                            + ") VALUES (:tokenHash, :member, :purpose, :newEmail, :createdAt, :expiresAt)")
                    .bind("tokenHash", token.tokenHash())
                    .bind("member", token.memberId())
                    .bind("purpose", token.purpose().key())
                    .bind("newEmail", token.newEmail().map(Email::value).orElse(null))
                    .bind("createdAt", token.createdAt().toString())
                    .bind("expiresAt", token.expiresAt().toString())
                    .execute();
        });
    }

    @Override
    public Optional<StoredLinkToken> linkToken(String tokenHash) {
        return handles.read(h -> h.createQuery("SELECT " + LINK_COLUMNS
                        + " FROM member_link_token WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash).map((rs, ctx) -> linkToken(rs)).findOne());
    }

    @Override
    public Optional<StoredLinkToken> useLinkToken(String tokenHash, LinkPurpose purpose) {
        return handles.write(h -> h.createQuery("DELETE FROM member_link_token"
                        + " WHERE token_hash = :tokenHash AND purpose = :purpose RETURNING " + LINK_COLUMNS)
                .bind("tokenHash", tokenHash).bind("purpose", purpose.key())
                .map((rs, ctx) -> linkToken(rs)).findOne());
    }

    @Override
    public void deleteLinkTokens(long memberId, LinkPurpose purpose) {
        handles.write(h -> h.createUpdate("DELETE FROM member_link_token WHERE member_id = :member"
                        + " AND purpose = :purpose")
                .bind("member", memberId).bind("purpose", purpose.key()).execute());
    }

    @Override
    public void createSession(StoredSession session) {
        handles.write(h -> {
            h.createUpdate("DELETE FROM member_session WHERE member_id = :member AND expires_at < :expired")
                    .bind("member", session.memberId())
                    .bind("expired", StoredTimes.lowerBound(session.createdAt()))
                    .execute();
            return h.createUpdate("""
                            INSERT INTO member_session (token_hash, member_id, created_at, last_seen_at, expires_at)
                            VALUES (:tokenHash, :member, :createdAt, :lastSeenAt, :expiresAt)""")
                    .bind("tokenHash", session.tokenHash())
                    .bind("member", session.memberId())
                    .bind("createdAt", session.createdAt().toString())
                    .bind("lastSeenAt", session.lastSeenAt().toString())
                    .bind("expiresAt", session.expiresAt().toString())
                    .execute();
        });
    }

    @Override
    public Optional<MemberSession> session(String tokenHash) {
        return handles.read(h -> h.createQuery("SELECT s.token_hash, s.created_at AS session_created_at,"
                        + " s.last_seen_at, s.expires_at, " + MEMBER_COLUMNS
                        + " FROM member_session s JOIN member m ON m.id = s.member_id WHERE s.token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map((rs, ctx) -> new MemberSession(new StoredSession(rs.getString("token_hash"), rs.getLong("id"),
                        Instant.parse(rs.getString("session_created_at")), Instant.parse(rs.getString("last_seen_at")),
                        Instant.parse(rs.getString("expires_at"))), member(rs)))
                .findOne());
    }

    @Override
    public void touchSession(String tokenHash, Instant at) {
        handles.write(h -> h.createUpdate("UPDATE member_session SET last_seen_at = :at WHERE token_hash = :tokenHash")
                .bind("at", at.toString()).bind("tokenHash", tokenHash).execute());
    }

    @Override
    public void deleteSession(String tokenHash) {
        handles.write(h -> h.createUpdate("DELETE FROM member_session WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash).execute());
    }

    @Override
    public int deleteSessions(long memberId) {
        return handles.write(h -> deleteSessions(h, memberId));
    }

    private static int setPasswordHash(Handle h, long memberId, String passwordHash) {
        return h.createUpdate("UPDATE member SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash).bind("id", memberId).execute();
    }

    private static int deleteSessions(Handle h, long memberId) {
        return h.createUpdate("DELETE FROM member_session WHERE member_id = :member").bind("member", memberId)
                .execute();
    }

    private static AccountException emailTaken() {
        return new AccountException(AccountException.Code.EMAIL_TAKEN, "a member with this email exists");
    }

    private static StoredLinkToken linkToken(ResultSet rs) throws SQLException {
        return new StoredLinkToken(rs.getString("token_hash"), rs.getLong("member_id"),
                LinkPurpose.of(rs.getString("purpose")), Optional.ofNullable(rs.getString("new_email")).map(Email::new),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("expires_at")));
    }

    static Member member(ResultSet rs) throws SQLException {
        String verified = rs.getString("email_verified_at");
        String suspendedUntil = rs.getString("suspended_until");
        // Deletion is kept in its own column: the state column (active, banned) is the moderators'.
        MemberState state = rs.getString("deleted_at") != null ? MemberState.DELETED
                : MemberState.of(rs.getString("state"));
        return new Member(rs.getLong("id"), new Email(rs.getString("email")),
                new dailypapers.account.Handle(rs.getString("handle")), new DisplayName(rs.getString("display_name")),
                Role.of(rs.getString("role")), state,
                Instant.parse(rs.getString("created_at")),
                Optional.ofNullable(verified).map(Instant::parse),
                Optional.ofNullable(suspendedUntil).map(Instant::parse));
    }
}
