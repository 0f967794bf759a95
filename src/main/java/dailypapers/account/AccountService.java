package dailypapers.account;

import dailypapers.account.AccountException.Code;
import dailypapers.account.AccountStore.Credentials;
import dailypapers.account.AccountStore.StoredSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Members and their sessions: sign up, sign in and out, password changes, roles and bans. Rules on input are
 * checked by the value types ({@link Email}, {@link Handle}, {@link DisplayName}) and {@link PasswordHasher}; a
 * broken rule is an {@link AccountException}. Sign-in fails one way whatever went wrong, and takes as long for an
 * unknown email as for a wrong password, so neither its answer nor its timing tells who is a member.
 */
public final class AccountService {

    private static final int TOKEN_BYTES = 32;

    private final AccountSettings settings;
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AccountService(AccountSettings settings, AccountStore store, PasswordHasher hasher, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A new member with the role {@code member}. */
    public Member signUp(String email, String handle, String displayName, String password) {
        return create(email, handle, displayName, password, Role.MEMBER);
    }

    /** A new member with any role, for the operator's command line; the display name defaults to the handle. */
    public Member create(String email, String handle, String displayName, String password, Role role) {
        Email address = new Email(email);
        Handle name = Handle.choose(handle);
        DisplayName shown = new DisplayName(displayName == null || displayName.isBlank() ? name.value()
                : displayName);
        PasswordHasher.checkRules(password);
        return store.create(new AccountStore.NewMember(address, name, shown, role, hasher.hash(password),
                clock.instant()));
    }

    /**
     * A new session when the email and password match an active member, else empty. A hash made with older
     * parameters is replaced on the way.
     */
    public Optional<Session> signIn(String email, String password) {
        Optional<Credentials> found;
        try {
            found = store.credentials(new Email(email));
        } catch (AccountException e) {
            found = Optional.empty();
        }
        if (!isCheckable(password)) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            hasher.matchNobody(password);
            return Optional.empty();
        }
        Credentials credentials = found.get();
        if (!hasher.matches(password, credentials.passwordHash()) || credentials.member().isBanned()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(credentials.passwordHash())) {
            store.rehash(credentials.member().id(), hasher.hash(password));
        }
        return Optional.of(startSession(credentials.member().id()));
    }

    /** The active member whose unexpired session this is; empty for any other token. */
    public Optional<Member> sessionMember(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String tokenHash = tokenHash(token);
        Optional<StoredSession> found = store.session(tokenHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt())) {
            store.deleteSession(tokenHash);
            return Optional.empty();
        }
        Optional<Member> member = store.member(session.memberId()).filter(m -> !m.isBanned());
        if (member.isPresent() && !now.isBefore(session.lastSeenAt().plus(settings.touchInterval()))) {
            store.touchSession(tokenHash, now);
        }
        return member;
    }

    /** Ends this session; an unknown token is already signed out. */
    public void signOut(String token) {
        if (token != null && !token.isEmpty()) {
            store.deleteSession(tokenHash(token));
        }
    }

    /** Ends every session of the member, on every device. */
    public void signOutEverywhere(long memberId) {
        store.deleteSessions(memberId);
    }

    /**
     * Sets a new password when the current one is right; every session of the member ends, and the one returned
     * replaces the session the change was made from.
     */
    public Session changePassword(long memberId, String currentPassword, String newPassword) {
        String stored = store.passwordHash(memberId).orElseThrow(AccountService::noSuchMember);
        if (!isCheckable(currentPassword) || !hasher.matches(currentPassword, stored)) {
            throw new AccountException(Code.PASSWORD_WRONG, "the current password is not right");
        }
        PasswordHasher.checkRules(newPassword);
        store.replacePassword(memberId, hasher.hash(newPassword));
        return startSession(memberId);
    }

    public Optional<Member> member(String email) {
        return store.member(new Email(email));
    }

    public List<Member> members() {
        return store.members();
    }

    public void setRole(long memberId, Role role) {
        if (!store.setRole(memberId, role)) {
            throw noSuchMember();
        }
    }

    /** Bans the member and ends their sessions; they cannot sign in again. */
    public void ban(long memberId) {
        if (!store.ban(memberId)) {
            throw noSuchMember();
        }
    }

    private Session startSession(long memberId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.sessionLifetime());
        store.createSession(new StoredSession(tokenHash(token), memberId, now, now, expires));
        return new Session(token, memberId, expires);
    }

    /** A password no longer than the rules allow: longer ones are refused before costing a hash. */
    private static boolean isCheckable(String password) {
        return password != null && password.codePointCount(0, password.length()) <= PasswordHasher.MAX_LENGTH;
    }

    public static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static AccountException noSuchMember() {
        return new AccountException(Code.NO_SUCH_MEMBER, "no such member");
    }
}
