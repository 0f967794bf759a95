package dailypapers.account;

import dailypapers.mail.Message;
import java.net.URI;
import java.time.Duration;

/**
 * The mails accounts send, in plain text. A link carries its token in its query and starts with the configured
 * site address; the mails sent when an address has no account (or already has one) carry no token, so that the
 * page answers the same whoever asked.
 */
final class AccountMail {

    private final URI siteUrl;

    AccountMail(URI siteUrl) {
        this.siteUrl = siteUrl;
    }

    Message verify(Email to, DisplayName name, String link, Duration lifetime) {
        return Message.plain(to.value(), "Confirm your email address for Daily Papers", "Hello " + name + ",\n\n"
                + "open this link to confirm your address and sign in:\n\n" + link + "\n\n" + once(lifetime)
                + "If you did not sign up for Daily Papers, ignore this mail: no account is made without it.\n");
    }

    Message signUpAttempt(Email to) {
        return Message.plain(to.value(), "Someone tried to sign up with your address", "Hello,\n\n"
                + "someone, perhaps you, tried to sign up for Daily Papers with this address, which already has an"
                + " account.\n\nSign in: " + site("/sign-in") + "\nForgot your password? " + site("/reset")
                + "\n\nIf it was not you, ignore this mail: nothing changed.\n");
    }

    Message signIn(Email to, DisplayName name, String link, Duration lifetime) {
        return Message.plain(to.value(), "Your Daily Papers sign-in link", "Hello " + name + ",\n\n"
                + "open this link to sign in to Daily Papers:\n\n" + link + "\n\n" + once(lifetime)
                + "If you did not ask for it, ignore this mail.\n");
    }

    Message reset(Email to, DisplayName name, String link, Duration lifetime) {
        return Message.plain(to.value(), "Reset your Daily Papers password", "Hello " + name + ",\n\n"
                + "open this link to choose a new password:\n\n" + link + "\n\n" + once(lifetime)
                + "If you did not ask for it, ignore this mail: your password stays as it is.\n");
    }

    Message setPassword(Email to, DisplayName name, String link, Duration lifetime) {
        return Message.plain(to.value(), "Choose your Daily Papers password", "Hello " + name + ",\n\n"
                + "an account was made for you on Daily Papers. Open this link to choose your password:\n\n" + link
                + "\n\n" + once(lifetime) + "After that, ask for a new one at " + site("/reset") + ".\n");
    }

    /** For a reset or sign-in link asked for an address that no active member has. */
    Message noAccount(Email to) {
        return Message.plain(to.value(), "About your request to Daily Papers", "Hello,\n\n"
                + "someone, perhaps you, asked Daily Papers for a sign-in link or a new password for this address,"
                + " but no account can be signed in with it.\n\nTo join: " + site("/sign-up")
                + "\n\nIf it was not you, ignore this mail.\n");
    }

    Message changeEmail(Email to, DisplayName name, String link, Duration lifetime) {
        return Message.plain(to.value(), "Confirm your new email address for Daily Papers", "Hello " + name
                + ",\n\nopen this link to make this address the one you sign in with:\n\n" + link + "\n\n"
                + once(lifetime) + "Until then your old address stays. If you did not ask for this, ignore this"
                + " mail.\n");
    }

    /** To a new address that another member already has: nothing changes, and the asker is told nothing more. */
    Message changeEmailTaken(Email to) {
        return Message.plain(to.value(), "Someone tried to use your address on Daily Papers", "Hello,\n\n"
                + "someone asked to move another Daily Papers account to this address, which already has an"
                + " account. Nothing changed.\n\nIf it was you, sign in with this address instead: "
                + site("/sign-in") + "\n");
    }

    /** To the old address once the new one is confirmed, so that a hijacked session cannot move an account quietly. */
    Message emailChanged(Email to, Email newAddress) {
        return Message.plain(to.value(), "Your Daily Papers email address was changed", "Hello,\n\n"
                + "the account that used this address now signs in with " + newAddress + ".\n\n"
                + "If you did not do this, write to the operator of the site at once.\n");
    }

    String link(LinkPurpose purpose, String token) {
        return site(purpose.path()) + "?token=" + token;
    }

    private String site(String path) {
        return siteUrl.toString().replaceAll("/+$", "") + path;
    }

    private static String once(Duration lifetime) {
        long hours = lifetime.toHours();
        String span = lifetime.toMinutes() % 60 == 0
                ? hours + (hours == 1 ? " hour" : " hours")
                : lifetime.toMinutes() + " minutes";
        return "The link works once, for " + span + ". ";
    }
}
