package dailypapers.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One mail to one recipient: a plain-text body and, optionally, an HTML alternative. Header values are checked
 * here, so a message that exists can be sent: the address is one strictly parsed RFC 822 address, and neither it
 * nor the subject nor an extra header carries a line break or another control character (header injection).
 *
 * @param to      one address, such as {@code ada@example.org}; stored in its normalised form
 * @param html    empty for a plain-text message; sent as given, so the caller renders it with escaping
 * @param headers extra headers in the order given, only those of {@link #HEADER_NAMES} (list mail: RFC 2369,
 *                RFC 2919, RFC 3834, RFC 8058); values are printable ASCII
 */
public record Message(String to, String subject, String text, Optional<String> html, Map<String, String> headers) {

    /** A subject longer than this is refused rather than folded across many header lines. */
    public static final int MAX_SUBJECT_CHARS = 200;

    /** The extra headers a message may carry, spelt as they are written. */
    public static final List<String> HEADER_NAMES = List.of("List-Unsubscribe", "List-Unsubscribe-Post", "List-Id",
            "Auto-Submitted", "Precedence");

    /** An extra header's value longer than this is refused (RFC 5322 allows 998 characters on a line). */
    public static final int MAX_HEADER_CHARS = 900;

    public Message {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        to = address(Objects.requireNonNull(to, "to"));
        subject = headerValue("subject", Objects.requireNonNull(subject, "subject"));
        if (subject.length() > MAX_SUBJECT_CHARS) {
            throw new IllegalArgumentException("subject is longer than " + MAX_SUBJECT_CHARS + " characters");
        }
        headers = extraHeaders(Objects.requireNonNull(headers, "headers"));
    }

    /** A message without extra headers. */
    public Message(String to, String subject, String text, Optional<String> html) {
        this(to, subject, text, html, Map.of());
    }

    public static Message plain(String to, String subject, String text) {
        return new Message(to, subject, text, Optional.empty());
    }

    /** This message with these extra headers, in place of any it had. */
    public Message withHeaders(Map<String, String> headers) {
        return new Message(to, subject, text, html, headers);
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

    private static Map<String, String> extraHeaders(Map<String, String> headers) {
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String spelt = HEADER_NAMES.stream().filter(allowed -> allowed.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("header " + name + " is not one of "
                            + HEADER_NAMES));
            String checkedValue = headerValue(spelt, Objects.requireNonNull(value, spelt));
            if (!checkedValue.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(spelt + " must be printable ASCII");
            }
            if (checkedValue.length() > MAX_HEADER_CHARS) {
                throw new IllegalArgumentException(spelt + " is longer than " + MAX_HEADER_CHARS + " characters");
            }
            if (checked.put(spelt, checkedValue) != null) {
                throw new IllegalArgumentException("header " + spelt + " is given twice");
            }
        });
        return Collections.unmodifiableMap(checked);
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
