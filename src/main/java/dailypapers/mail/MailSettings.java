package dailypapers.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where mail goes: an SMTP server when {@code smtpHost} is set, otherwise {@code .eml} files in {@code outboxDir}.
 *
 * @param from    the From header, one address with an optional display name ({@code Daily Papers <a@b.org>})
 * @param timeout            connect, read and write timeout of an SMTP connection
 * @param perDomainPerMinute at most this many messages to one recipient domain in a minute; the rest wait
 */
public record MailSettings(Optional<String> smtpHost, int smtpPort, Security security, Optional<String> user,
        Optional<String> password, String from, Duration timeout, Path outboxDir, int perDomainPerMinute) {

    public static final int DEFAULT_PER_DOMAIN_PER_MINUTE = 120;

    public MailSettings {
        fromAddress(from);
        if (perDomainPerMinute < 1) {
            throw new IllegalArgumentException("perDomainPerMinute must be at least 1, got " + perDomainPerMinute);
        }
    }

    /** Settings with the default per-domain rate. */
    public MailSettings(Optional<String> smtpHost, int smtpPort, Security security, Optional<String> user,
            Optional<String> password, String from, Duration timeout, Path outboxDir) {
        this(smtpHost, smtpPort, security, user, password, from, timeout, outboxDir, DEFAULT_PER_DOMAIN_PER_MINUTE);
    }

    /** The From address, parsed strictly; throws {@link IllegalArgumentException} when it is not one address. */
    public static InternetAddress fromAddress(String from) {
        if (from.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain line breaks or control characters");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(from, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("must be exactly one address, got '" + from + "'");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException("must be an email address such as Daily Papers <mail@example.org>,"
                    + " got '" + from + "'", e);
        }
    }

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain text: only for a relay on the same host or network. */
        NONE,
        /** Plain connection upgraded with STARTTLS, which is required (usually port 587). */
        STARTTLS,
        /** TLS from the first byte (usually port 465). */
        SMTPS
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MailSettings[" + smtpHost.map(h -> "smtp " + security + " " + h + ":" + smtpPort + user.map(
                u -> " as " + u).orElse("")).orElse("eml files in " + outboxDir) + ", from " + from + ", at most "
                + perDomainPerMinute + " a minute per domain]";
    }
}
