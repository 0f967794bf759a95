package dailypapers.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One mail to one recipient: a plain-text body and, optionally, an HTML alternative. Header values are checked
 * here, so a message that exists can be sent: the address is one strictly parsed RFC 822 address, and neither it
 * nor the subject carries a line break or another control character (header injection).
 *
 * @param to   one address, such as {@code ada@example.org}; stored in its normalised form
 * @param html empty for a plain-text message; sent as given, so the caller renders it with escaping
 */
public record Message(String to, String subject, String text, Optional<String> html) {

    /** A subject longer than this is refused rather than folded across many header lines. */
    public static final int MAX_SUBJECT_CHARS = 200;

    public Message {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        to = address(Objects.requireNonNull(to, "to"));
        subject = headerValue("subject", Objects.requireNonNull(subject, "subject"));
        if (subject.length() > MAX_SUBJECT_CHARS) {
            throw new IllegalArgumentException("subject is longer than " + MAX_SUBJECT_CHARS + " characters");
        }
    }

    public static Message plain(String to, String subject, String text) {
        return new Message(to, subject, text, Optional.empty());
    }

    /** The address as Jakarta Mail parses it strictly; exactly one, without a display name's tricks. */
    private static String address(String to) {
        headerValue("to", to);
        try {
            InternetAddress[] parsed = InternetAddress.parse(to, true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                throw new IllegalArgumentException("to must name exactly one address, not a list or a group");
            }
            parsed[0].validate();
            return parsed[0].getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("to is not a valid email address: " + e.getMessage(), e);
        }
    }

    private static String headerValue(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must not contain line breaks or control characters");
        }
        return value.strip();
    }
}
