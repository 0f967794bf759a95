package dailypapers.account;

import dailypapers.account.AccountException.Code;
import dailypapers.account.AccountStore.Credentials;
import dailypapers.account.AccountStore.MemberSession;
import dailypapers.account.AccountStore.StoredLinkToken;
import dailypapers.account.AccountStore.StoredSession;
import dailypapers.mail.Mailer;
import dailypapers.paper.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Members and their sessions: sign up, emailed links (confirm an address, sign in, reset a password, change the
 * address), sign in and out, settings, deletion, roles and bans. Rules on input are checked by the value types
 * ({@link Email}, {@link Handle}, {@link DisplayName}) and {@link PasswordHasher}; a broken rule is an
 * {@link AccountException}.
 *
 * <p>Nothing tells who is a member: sign-in fails one way whatever went wrong, and takes as long for an unknown
 * email as for a wrong password; sign-up with a taken email and link requests for an unknown one answer as the
 * others do and cost the same (a password hash, a mail queued), the mail saying what happened going to the
 * address's owner. A link's token is stored as its SHA-256 in the transaction that queues its mail.
 */
public final class AccountService {

    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_CHARS = 43;

    private static final DisplayName DELETED_NAME = new DisplayName("deleted member");

    private final AccountSettings settings;
    private final AccountStore store;
    private final Transactions<AccountStore> transactions;
    private final Mailer mailer;
    private final AccountMail mail;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param store        for reads and single writes
     * @param transactions for writes that must agree, mail included: {@code mailer} joins their transaction
     */
    public AccountService(AccountSettings settings, AccountStore store, Transactions<AccountStore> transactions,
            Mailer mailer, PasswordHasher hasher, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.transactions = transactions;
        this.mailer = mailer;
        this.mail = new AccountMail(settings.siteUrl());
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Signs up a member with the role {@code member}, unconfirmed, and mails the link that confirms the address.
     * When the email is taken, nothing is stored and its owner is mailed instead, so the caller answers alike; a
     * taken handle is an {@link AccountException} ({@code HANDLE_TAKEN}), handles being public.
     */
    public void signUp(String email, String handle, String displayName, String password) {
        AccountStore.NewMember member = newMember(email, handle, displayName, password, Role.MEMBER,
                Optional.empty());
        transactions.run(accounts -> {
            Member created;
            try {
                created = accounts.create(member);
            } catch (AccountException e) {
                if (e.code() != Code.EMAIL_TAKEN) {
                    throw e;
                }
                mailer.send(mail.signUpAttempt(member.email()));
                return;
            }
            String token = issueLink(accounts, created.id(), LinkPurpose.VERIFY_EMAIL, Optional.empty());
            mailer.send(mail.verify(created.email(), created.displayName(),
                    mail.link(LinkPurpose.VERIFY_EMAIL, token), lifetime(LinkPurpose.VERIFY_EMAIL)));
        });
    }

    /**
     * A new member with any role, for the operator's command line; the display name defaults to the handle. The
     * operator vouches for the address, so it counts as confirmed.
     */
    public Member create(String email, String handle, String displayName, String password, Role role) {
        return store.create(newMember(email, handle, displayName, password, role, Optional.of(clock.instant())));
    }

    /**
     * As {@link #create}, without a password: the member is mailed a link to choose one (a random password that
     * nobody knows stands in until then). The link lasts as long as an address confirmation.
     */
    public Member createWithLink(String email, String handle, String displayName, Role role) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        AccountStore.NewMember member = newMember(email, handle, displayName, HexFormat.of().formatHex(secret), role,
                Optional.of(clock.instant()));
        return transactions.inTransaction(accounts -> {
            Member created = accounts.create(member);
            Duration lifetime = lifetime(LinkPurpose.VERIFY_EMAIL);
            String token = issueLink(accounts, created.id(), LinkPurpose.RESET_PASSWORD, Optional.empty(),
                    lifetime);
            mailer.send(mail.setPassword(created.email(), created.displayName(),
                    mail.link(LinkPurpose.RESET_PASSWORD, token), lifetime));
            return created;
        });
    }

    private AccountStore.NewMember newMember(String email, String handle, String displayName, String password,
            Role role, Optional<Instant> verifiedAt) {
        Email address = new Email(email);
        Handle name = Handle.choose(handle);
        DisplayName shown = new DisplayName(displayName == null || displayName.isBlank() ? name.value()
                : displayName);
        PasswordHasher.checkRules(password);
        return new AccountStore.NewMember(address, name, shown, role, hasher.hash(password), clock.instant(),
                verifiedAt);
    }

    /** Whether this token is an unused, unexpired link for this purpose; uses nothing (for a confirm page). */
    public boolean isUsableLink(String token, LinkPurpose purpose) {
        return isToken(token) && store.linkToken(tokenHash(token))
                .filter(link -> link.purpose() == purpose && clock.instant().isBefore(link.expiresAt()))
                .isPresent();
    }

    /** Uses a {@link LinkPurpose#VERIFY_EMAIL} link: confirms the address and signs the member in. */
    public Optional<Session> verifyEmail(String token) {
        return transactions.inTransaction(accounts -> useLink(accounts, token, LinkPurpose.VERIFY_EMAIL)
                .map(link -> {
                    accounts.markEmailVerified(link.memberId(), clock.instant());
                    return startSession(accounts, link.memberId());
                }));
    }

    /**
     * Mails a sign-in link to the member with this email; to an address without an active member, a mail saying
     * so. Throws {@link AccountException} only when the email is not an address at all.
     */
    public void requestSignInLink(String email) {
        mailLink(new Email(email), LinkPurpose.SIGN_IN);
    }

    /** Uses a {@link LinkPurpose#SIGN_IN} link: signs the member in (and so confirms the address). */
    public Optional<Session> signInWithLink(String token) {
        return transactions.inTransaction(accounts -> useLink(accounts, token, LinkPurpose.SIGN_IN).map(link -> {
            accounts.markEmailVerified(link.memberId(), clock.instant());
            return startSession(accounts, link.memberId());
        }));
    }

    /** As {@link #requestSignInLink}, for a link that sets a new password. */
    public void requestPasswordReset(String email) {
        mailLink(new Email(email), LinkPurpose.RESET_PASSWORD);
    }

    /**
     * Uses a {@link LinkPurpose#RESET_PASSWORD} link: sets the new password, ends every session, voids the
     * member's other reset links and signs them in. The password's rules are checked before the link is used, so a
     * refused password leaves the link working; an unusable link is empty.
     */
    public Optional<Session> resetPassword(String token, String newPassword) {
        PasswordHasher.checkRules(newPassword);
        String hash = hasher.hash(newPassword);
        return transactions.inTransaction(accounts -> useLink(accounts, token, LinkPurpose.RESET_PASSWORD)
                .map(link -> {
                    accounts.replacePassword(link.memberId(), hash);
                    accounts.deleteLinkTokens(link.memberId(), LinkPurpose.RESET_PASSWORD);
                    accounts.markEmailVerified(link.memberId(), clock.instant());
                    return startSession(accounts, link.memberId());
                }));
    }

    private void mailLink(Email email, LinkPurpose purpose) {
        transactions.run(accounts -> {
            Optional<Member> member = accounts.member(email).filter(Member::isActive);
            if (member.isEmpty()) {
                mailer.send(mail.noAccount(email));
                return;
            }
            Member found = member.get();
            String link = mail.link(purpose, issueLink(accounts, found.id(), purpose, Optional.empty()));
            mailer.send(purpose == LinkPurpose.SIGN_IN
                    ? mail.signIn(found.email(), found.displayName(), link, lifetime(purpose))
                    : mail.reset(found.email(), found.displayName(), link, lifetime(purpose)));
        });
    }

    /**
     * Mails a link to {@code newEmail} that makes it the member's login once used; the current password is asked,
     * so that a session left open does not give the account away. When another member has the address, its owner
     * is told instead and the caller answers alike.
     */
    public void requestEmailChange(long memberId, String currentPassword, String newEmail) {
        Email address = new Email(newEmail);
        checkPassword(memberId, currentPassword);
        Member member = activeMember(memberId);
        transactions.run(accounts -> {
            if (accounts.member(address).isPresent()) {
                mailer.send(mail.changeEmailTaken(address));
                return;
            }
            String token = issueLink(accounts, memberId, LinkPurpose.CHANGE_EMAIL, Optional.of(address));
            mailer.send(mail.changeEmail(address, member.displayName(), mail.link(LinkPurpose.CHANGE_EMAIL, token),
                    lifetime(LinkPurpose.CHANGE_EMAIL)));
        });
    }

    /**
     * Uses a {@link LinkPurpose#CHANGE_EMAIL} link: the new address becomes the member's login, confirmed, and the
     * old one is told. False for an unusable link; {@link AccountException} {@code EMAIL_TAKEN} when another
     * member took the address meanwhile.
     */
    public boolean confirmEmailChange(String token) {
        return transactions.inTransaction(accounts -> useLink(accounts, token, LinkPurpose.CHANGE_EMAIL)
                .map(link -> {
                    Member member = accounts.member(link.memberId()).orElseThrow(AccountService::noSuchMember);
                    Email address = link.newEmail().orElseThrow();
                    accounts.changeEmail(link.memberId(), address, clock.instant());
                    mailer.send(mail.emailChanged(member.email(), address));
                    return true;
                })
                .orElse(false));
    }

    public Member changeDisplayName(long memberId, String displayName) {
        DisplayName name = new DisplayName(displayName);
        if (!store.setDisplayName(memberId, name)) {
            throw noSuchMember();
        }
        return activeMember(memberId);
    }

    /**
     * Deletes the member's personal data when the password is right: email, password, display name, sessions and
     * links go; the handle becomes {@link Handle#tombstone}; the row stays so that what they wrote keeps an author.
     */
    public void deleteAccount(long memberId, String password) {
        checkPassword(memberId, password);
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        // Random, so that nobody can sign up with a deleted member's placeholder address before it is used.
        Email placeholder = new Email("deleted-" + memberId + "-" + HexFormat.of().formatHex(suffix)
                + "@deleted.invalid");
        store.delete(memberId, new AccountStore.Tombstone(placeholder, Handle.tombstone(memberId), DELETED_NAME,
                clock.instant()));
    }

    /** How many sign-ins, sign-ups and mailed links the web pages allow, per client address and per email. */
    public AccountSettings.Limits limits() {
        return settings.limits();
    }

    /** The member, when active; {@code NO_SUCH_MEMBER} otherwise. */
    public Member activeMember(long memberId) {
        return store.member(memberId).filter(Member::isActive).orElseThrow(AccountService::noSuchMember);
    }

    /**
     * A new session when the email and password match an active member whose address is confirmed, else empty. A
     * hash made with older parameters is replaced on the way.
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
        if (!hasher.matches(password, credentials.passwordHash()) || !credentials.member().isActive()
                || credentials.member().emailVerifiedAt().isEmpty()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(credentials.passwordHash())) {
            store.rehash(credentials.member().id(), hasher.hash(password));
        }
        return Optional.of(startSession(store, credentials.member().id()));
    }

    /** The active member whose unexpired session this is; empty for any other token. */
    public Optional<Member> sessionMember(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String tokenHash = tokenHash(token);
        Optional<MemberSession> found = store.session(tokenHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get().session();
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt())) {
            store.deleteSession(tokenHash);
            return Optional.empty();
        }
        Optional<Member> member = Optional.of(found.get().member()).filter(Member::isActive);
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
        checkPassword(memberId, currentPassword);
        PasswordHasher.checkRules(newPassword);
        String hash = hasher.hash(newPassword);
        return transactions.inTransaction(accounts -> {
            accounts.replacePassword(memberId, hash);
            return startSession(accounts, memberId);
        });
    }

    private void checkPassword(long memberId, String password) {
        String stored = store.passwordHash(memberId).orElseThrow(AccountService::noSuchMember);
        if (!isCheckable(password) || stored.isEmpty() || !hasher.matches(password, stored)) {
            throw new AccountException(Code.PASSWORD_WRONG, "the password is not right");
        }
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

    private Session startSession(AccountStore accounts, long memberId) {
        String token = newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(settings.sessionLifetime());
        accounts.createSession(new StoredSession(tokenHash(token), memberId, now, now, expires));
        return new Session(token, memberId, expires);
    }

    /** Stores a new link for the member and returns its token, which only the mail will carry. */
    private String issueLink(AccountStore accounts, long memberId, LinkPurpose purpose, Optional<Email> newEmail) {
        return issueLink(accounts, memberId, purpose, newEmail, lifetime(purpose));
    }

    private String issueLink(AccountStore accounts, long memberId, LinkPurpose purpose, Optional<Email> newEmail,
            Duration lifetime) {
        String token = newToken();
        Instant now = clock.instant();
        accounts.addLinkToken(new StoredLinkToken(tokenHash(token), memberId, purpose, newEmail, now,
                now.plus(lifetime)));
        return token;
    }

    /** The link, used up, when it was unexpired and its member is active; empty for any other token. */
    private Optional<StoredLinkToken> useLink(AccountStore accounts, String token, LinkPurpose purpose) {
        if (!isToken(token)) {
            return Optional.empty();
        }
        return accounts.useLinkToken(tokenHash(token), purpose)
                .filter(link -> clock.instant().isBefore(link.expiresAt()))
                .filter(link -> accounts.member(link.memberId()).filter(Member::isActive).isPresent());
    }

    private Duration lifetime(LinkPurpose purpose) {
        return settings.linkLifetimes().get(purpose);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Tokens are 43 characters of URL-safe Base64; anything else is not hashed or looked up. */
    private static boolean isToken(String token) {
        return token != null && token.length() == TOKEN_CHARS
                && token.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                        || c == '-' || c == '_');
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
