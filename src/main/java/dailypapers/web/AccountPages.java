package dailypapers.web;

import dailypapers.account.AccountException;
import dailypapers.account.AccountService;
import dailypapers.account.AccountSettings.Limits;
import dailypapers.account.LinkPurpose;
import dailypapers.account.Session;
import dailypapers.profile.Profile;
import dailypapers.profile.ProfileService;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.ratelimit.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Member accounts: sign up, sign in (password or emailed link), sign out, password reset, the confirm pages of
 * emailed links and the settings page. A link's GET only shows a button; its POST uses the token, so a mail scanner
 * that follows links uses nothing. Forms come back with what was typed (never a password) and a message next to
 * the field at fault. Sign-in, sign-up and mail requests are rate limited per client address and per email.
 */
final class AccountPages {

    /** Where a sign-in or sign-up without a (safe) {@code next} lands. */
    static final String HOME = "/";
    static final String MAIL_SENT = "/mail-sent";

    private static final String SIGN_IN_FAILED = "That email and password do not match an account whose address is"
            + " confirmed. Check both, or use a link: confirm your address with the one we mailed you, or ask for a"
            + " sign-in link below.";

    private final AccountService accounts;
    private final ProfileService profiles;
    private final RateLimiter limiter;
    private final Optional<Path> outboxDirectory;
    private final Views views;
    private final Clock clock;

    AccountPages(AccountService accounts, ProfileService profiles, RateLimiter limiter, Optional<Path> outboxDirectory,
            Views views, Clock clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.limiter = limiter;
        this.outboxDirectory = outboxDirectory;
        this.views = views;
        this.clock = clock;
    }

    // Sign up and confirm the address

    void signUpPage(Context ctx) {
        if (Visitor.of(ctx).isSignedIn()) {
            ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
            return;
        }
        views.render(ctx, "account/sign-up.jte", AccountFormView.empty("Sign up", next(ctx)));
    }

    void signUp(Context ctx) {
        Form form = Form.of(ctx, "email", "handle", "displayName", "next");
        try {
            limit(ctx, "sign-up:ip:" + RequestOrigin.clientIp(ctx), limits().signUpPerIp());
            accounts.signUp(form.value("email"), form.value("handle"), form.value("displayName"),
                    ctx.formParam("password"));
        } catch (AccountException e) {
            form.refuse(ctx, views, "account/sign-up.jte", "Sign up", field(e.code(), "email", "password", null),
                    e);
            return;
        } catch (RateLimitedException e) {
            form.refuse(ctx, views, "account/sign-up.jte", "Sign up", e);
            return;
        }
        ctx.redirect(MAIL_SENT + "?about=sign-up", HttpStatus.SEE_OTHER);
    }

    /** The page after a form that mailed something: it says the same whether or not the address is a member's. */
    void mailSent(Context ctx) {
        String about = Params.optional(ctx, "about").orElse("");
        String text = switch (about) {
            case "sign-up" -> "We sent a link to the address you gave. Open it to confirm the address and sign in;"
                    + " the mail says how long it works.";
            case "sign-in-link" -> "If the address has an account, we sent it a sign-in link; the mail says how"
                    + " long it works.";
            case "reset" -> "If the address has an account, we sent it a link to choose a new password; the mail"
                    + " says how long it works.";
            case "change-email" -> "We sent a link to the new address. Your address changes when you open it.";
            default -> throw HttpError.notFound("There is no such page.");
        };
        views.render(ctx, "account/notice.jte", new AccountNoticeView(
                PageFrame.plain("Check your mail — Daily Papers"), "Check your mail", text,
                outboxDirectory.map(Path::toString).orElse(null)));
    }

    void verifyPage(Context ctx) {
        linkPage(ctx, LinkPurpose.VERIFY_EMAIL, "Confirm your email address",
                "Confirm the address and sign in to Daily Papers.", "Confirm and sign in",
                "Sign in with your password, or ask for a sign-in link, which confirms the address too.");
    }

    void verify(Context ctx) {
        Optional<Session> session = accounts.verifyEmail(ctx.formParam("token"));
        if (session.isEmpty()) {
            refuseLink(ctx, LinkPurpose.VERIFY_EMAIL, "Confirm your email address",
                    "Sign in with your password, or ask for a sign-in link, which confirms the address too.");
            return;
        }
        signIn(ctx, session.get(), HOME);
    }

    // Sign in

    void signInPage(Context ctx) {
        if (Visitor.of(ctx).isSignedIn()) {
            ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
            return;
        }
        views.render(ctx, "account/sign-in.jte", AccountFormView.empty("Sign in", next(ctx)));
    }

    void signIn(Context ctx) {
        Form form = Form.of(ctx, "email", "next");
        String email = form.value("email");
        Optional<Session> session;
        try {
            limit(ctx, "sign-in:ip:" + RequestOrigin.clientIp(ctx), limits().signInPerIp());
            limit(ctx, "sign-in:email:" + addressKey(email), limits().signInPerEmail());
            session = accounts.signIn(email, ctx.formParam("password"));
        } catch (RateLimitedException e) {
            form.refuse(ctx, views, "account/sign-in.jte", "Sign in", e);
            return;
        }
        if (session.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            form.render(ctx, views, "account/sign-in.jte", "Sign in", Map.of(), SIGN_IN_FAILED);
            return;
        }
        signIn(ctx, session.get(), form.value("next"));
    }

    /** Asks for a sign-in link by mail (the form under the password one). */
    void sendSignInLink(Context ctx) {
        mailLink(ctx, "linkEmail", "account/sign-in.jte", "Sign in", "sign-in-link");
    }

    void signInLinkPage(Context ctx) {
        linkPage(ctx, LinkPurpose.SIGN_IN, "Sign in", "Sign in to Daily Papers on this device.", "Sign in",
                "Ask for a new sign-in link on the sign-in page.");
    }

    void signInWithLink(Context ctx) {
        Optional<Session> session = accounts.signInWithLink(ctx.formParam("token"));
        if (session.isEmpty()) {
            refuseLink(ctx, LinkPurpose.SIGN_IN, "Sign in", "Ask for a new sign-in link on the sign-in page.");
            return;
        }
        signIn(ctx, session.get(), HOME);
    }

    /** Starts the session in this browser, ending the one it had (so a planted session cookie does not survive). */
    private void signIn(Context ctx, Session session, String next) {
        accounts.signOut(Visitor.of(ctx).sessionToken());
        SessionCookies.set(ctx, session, clock);
        ctx.redirect(SafeRedirect.path(next), HttpStatus.SEE_OTHER);
    }

    /** Ends this browser's session (in the database, so on every node) and forgets the cookie. */
    void signOut(Context ctx) {
        accounts.signOut(Visitor.of(ctx).sessionToken());
        SessionCookies.clear(ctx);
        ctx.redirect(HOME, HttpStatus.SEE_OTHER);
    }

    // Password reset

    void resetPage(Context ctx) {
        views.render(ctx, "account/reset.jte", AccountFormView.empty("Reset your password", HOME));
    }

    void requestReset(Context ctx) {
        mailLink(ctx, "email", "account/reset.jte", "Reset your password", "reset");
    }

    void resetConfirmPage(Context ctx) {
        String token = Params.optional(ctx, "token").orElse(null);
        boolean usable = accounts.isUsableLink(token, LinkPurpose.RESET_PASSWORD);
        if (!usable) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.render(ctx, "account/reset-confirm.jte", new AccountFormView(
                PageFrame.plain("Choose a new password — Daily Papers"), Map.of(), Map.of(), HOME,
                usable ? token : null, null, null));
    }

    void resetConfirm(Context ctx) {
        String token = ctx.formParam("token");
        Optional<Session> session;
        try {
            session = accounts.resetPassword(token, ctx.formParam("password"));
        } catch (AccountException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "account/reset-confirm.jte", new AccountFormView(
                    PageFrame.plain("Choose a new password — Daily Papers"), Map.of(),
                    Map.of("password", e.getMessage()), HOME, token, null, null));
            return;
        }
        if (session.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            views.render(ctx, "account/reset-confirm.jte", AccountFormView.empty("Choose a new password", HOME));
            return;
        }
        signIn(ctx, session.get(), SettingsNotice.PASSWORD_RESET.path());
    }

    /** Mails a reset or sign-in link; the answer is the same whether or not the address is a member's. */
    private void mailLink(Context ctx, String field, String template, String title, String about) {
        Form form = Form.of(ctx, field);
        String email = form.value(field);
        try {
            limit(ctx, "mail:ip:" + RequestOrigin.clientIp(ctx), limits().mailPerIp());
            limit(ctx, "mail:email:" + addressKey(email), limits().mailPerEmail());
            if (about.equals("reset")) {
                accounts.requestPasswordReset(email);
            } else {
                accounts.requestSignInLink(email);
            }
        } catch (AccountException e) {
            form.refuse(ctx, views, template, title, field(e.code(), field, null, null), e);
            return;
        } catch (RateLimitedException e) {
            form.refuse(ctx, views, template, title, e);
            return;
        }
        ctx.redirect(MAIL_SENT + "?about=" + about, HttpStatus.SEE_OTHER);
    }

    // Settings

    void settingsPage(Context ctx) {
        String notice = Params.optional(ctx, "done").flatMap(SettingsNotice::of).map(SettingsNotice::text)
                .orElse(null);
        Visitor visitor = Visitor.of(ctx);
        boolean showsUpvotes = profiles.own(visitor.requireMember().id()).map(Profile::showsUpvotes).orElse(false);
        views.render(ctx, "account/settings.jte", new AccountFormView(PageFrame.plain("Settings — Daily Papers"),
                Map.of("displayName", visitor.displayName(), AccountFormView.SHOWS_UPVOTES, Boolean.toString(showsUpvotes)), Map.of(),
                HOME, null, notice, null));
    }

    void changeDisplayName(Context ctx) {
        long memberId = Visitor.of(ctx).requireMember().id();
        Form form = Form.of(ctx, "displayName");
        try {
            accounts.changeDisplayName(memberId, form.value("displayName"));
        } catch (AccountException e) {
            form.refuse(ctx, views, "account/settings.jte", "Settings", "displayName", e);
            return;
        }
        ctx.redirect(SettingsNotice.NAME.path(), HttpStatus.SEE_OTHER);
    }

    void changePassword(Context ctx) {
        long memberId = Visitor.of(ctx).requireMember().id();
        Form form = Form.of(ctx);
        Session session;
        try {
            session = accounts.changePassword(memberId, ctx.formParam("currentPassword"),
                    ctx.formParam("newPassword"));
        } catch (AccountException e) {
            form.refuse(ctx, views, "account/settings.jte", "Settings", field(e.code(), null, "newPassword",
                    "currentPassword"), e);
            return;
        }
        SessionCookies.set(ctx, session, clock);
        ctx.redirect(SettingsNotice.PASSWORD.path(), HttpStatus.SEE_OTHER);
    }

    void requestEmailChange(Context ctx) {
        long memberId = Visitor.of(ctx).requireMember().id();
        Form form = Form.of(ctx, "newEmail");
        try {
            limit(ctx, "mail:ip:" + RequestOrigin.clientIp(ctx), limits().mailPerIp());
            limit(ctx, "mail:email:" + addressKey(form.value("newEmail")), limits().mailPerEmail());
            accounts.requestEmailChange(memberId, ctx.formParam("emailPassword"), form.value("newEmail"));
        } catch (AccountException e) {
            form.refuse(ctx, views, "account/settings.jte", "Settings", field(e.code(), "newEmail", null,
                    "emailPassword"), e);
            return;
        } catch (RateLimitedException e) {
            form.refuse(ctx, views, "account/settings.jte", "Settings", e);
            return;
        }
        ctx.redirect(MAIL_SENT + "?about=change-email", HttpStatus.SEE_OTHER);
    }

    void emailChangePage(Context ctx) {
        linkPage(ctx, LinkPurpose.CHANGE_EMAIL, "Confirm your new email address",
                "Make this address the one you sign in with.", "Confirm the new address",
                "Ask for a new link on the settings page.");
    }

    void confirmEmailChange(Context ctx) {
        boolean changed;
        try {
            changed = accounts.confirmEmailChange(ctx.formParam("token"));
        } catch (AccountException e) {
            ctx.status(HttpStatus.CONFLICT);
            views.render(ctx, "account/notice.jte", new AccountNoticeView(
                    PageFrame.plain("Address taken — Daily Papers"), "Address taken",
                    "Another account has signed up with this address since you asked; your address did not change.",
                    null));
            return;
        }
        if (!changed) {
            refuseLink(ctx, LinkPurpose.CHANGE_EMAIL, "Confirm your new email address",
                    "Ask for a new link on the settings page.");
            return;
        }
        ctx.redirect(SettingsNotice.EMAIL.path(), HttpStatus.SEE_OTHER);
    }

    void signOutEverywhere(Context ctx) {
        accounts.signOutEverywhere(Visitor.of(ctx).requireMember().id());
        SessionCookies.clear(ctx);
        ctx.redirect(HOME, HttpStatus.SEE_OTHER);
    }

    void deleteAccount(Context ctx) {
        long memberId = Visitor.of(ctx).requireMember().id();
        try {
            accounts.deleteAccount(memberId, ctx.formParam("deletePassword"));
        } catch (AccountException e) {
            Form.of(ctx).refuse(ctx, views, "account/settings.jte", "Settings", "deletePassword", e);
            return;
        }
        SessionCookies.clear(ctx);
        views.render(ctx, "account/notice.jte", new AccountNoticeView(
                PageFrame.plain("Account deleted — Daily Papers"), "Your account is deleted",
                "Your email, password, display name and sessions are gone. What you wrote stays, shown as by a"
                + " deleted member.", null));
    }

    // Shared

    private void linkPage(Context ctx, LinkPurpose purpose, String heading, String text, String button,
            String retry) {
        String token = Params.optional(ctx, "token").orElse(null);
        boolean usable = accounts.isUsableLink(token, purpose);
        if (!usable) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        views.render(ctx, "account/confirm-link.jte", new LinkConfirmView(PageFrame.plain(heading
                + " — Daily Papers"), heading, text, button, purpose.path(), usable ? token : null, usable, retry));
    }

    private void refuseLink(Context ctx, LinkPurpose purpose, String heading, String retry) {
        ctx.status(HttpStatus.BAD_REQUEST);
        views.render(ctx, "account/confirm-link.jte", new LinkConfirmView(PageFrame.plain(heading
                + " — Daily Papers"), heading, "", "", purpose.path(), null, false, retry));
    }

    private void limit(Context ctx, String bucket, int max) {
        limiter.check(bucket, max, limits().window());
    }

    private Limits limits() {
        return accounts.limits();
    }

    /** The query's {@code next}, when it is a path of this site; else home. */
    private static String next(Context ctx) {
        return SafeRedirect.path(Params.optional(ctx, "next").orElse(null));
    }

    /**
     * An email as a rate-limit bucket: its SHA-256, so the limits table holds no addresses; normalised as the
     * account rules do, so that case does not make a second bucket.
     */
    static String addressKey(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /**
     * The field of this form an account rule concerns, or null to show the message above the form.
     *
     * @param emailField           the form's email field
     * @param passwordField        the field of a password being chosen
     * @param currentPasswordField the field of the password being checked
     */
    private static String field(AccountException.Code code, String emailField, String passwordField,
            String currentPasswordField) {
        return switch (code) {
            case EMAIL_INVALID, EMAIL_TAKEN -> emailField;
            case HANDLE_INVALID, HANDLE_RESERVED, HANDLE_TAKEN -> "handle";
            case DISPLAY_NAME_INVALID -> "displayName";
            case PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG -> passwordField;
            case PASSWORD_WRONG -> currentPasswordField;
            case ROLE_INVALID, NO_SUCH_MEMBER, NOT_SIGNED_IN -> null;
        };
    }

    /** What a form sent, kept to show it again. */
    private record Form(Map<String, String> values) {

        static Form of(Context ctx, String... fields) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : fields) {
                values.put(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
            }
            return new Form(values);
        }

        String value(String field) {
            return values.get(field);
        }

        /** Shows the form again with the rule's message next to {@code field} (or above the form), as a 422. */
        void refuse(Context ctx, Views views, String template, String title, String field, AccountException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, views, template, title, field == null ? Map.of() : Map.of(field, e.getMessage()),
                    field == null ? e.getMessage() : null);
        }

        /** Shows the form again, as a 429 that says when to try again. */
        void refuse(Context ctx, Views views, String template, String title, RateLimitedException e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            render(ctx, views, template, title, Map.of(), e.getMessage());
        }

        void render(Context ctx, Views views, String template, String title, Map<String, String> errors,
                String message) {
            Map<String, String> shown = new LinkedHashMap<>(values);
            if (template.equals("account/settings.jte") && !shown.containsKey("displayName")) {
                shown.put("displayName", Visitor.of(ctx).displayName());
            }
            views.render(ctx, template, new AccountFormView(PageFrame.plain(title + " — Daily Papers"), shown,
                    errors, SafeRedirect.path(values.get("next")), null, null, message));
        }
    }
}
