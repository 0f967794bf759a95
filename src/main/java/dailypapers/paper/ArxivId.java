package dailypapers.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical arXiv identifier without version: {@code 2401.09603} or {@code hep-th/9901001}.
 * Accepts the forms people paste: {@code arXiv:2401.09603v2}, abs and pdf URLs, old-style ids.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4})\\.(\\d{4,5})(?:v(\\d+))?");
    private static final Pattern OLD_STYLE =
            Pattern.compile("([a-z][a-z-]*(?:\\.[A-Za-z]{2})?)/(\\d{7})(?:v(\\d+))?");
    private static final Pattern URL_PREFIX = Pattern.compile(
            "^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/", Pattern.CASE_INSENSITIVE);

    private static final Pattern CANONICAL =
            Pattern.compile("\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Za-z]{2})?/\\d{7}");
    /** arXiv moved from four to five digit sequence numbers in January 2015. */
    private static final String FIVE_DIGITS_FROM = "1501";

    public ArxivId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical arXiv id: " + value);
        }
    }

    /** Parses any accepted form; the version, if present, is dropped. */
    public static ArxivId parse(String text) {
        return parseVersioned(text).id();
    }

    public static Optional<ArxivId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses any accepted form and keeps the version number (0 when the text names none). */
    public static Versioned parseVersioned(String text) {
        if (text == null) {
            throw new IllegalArgumentException("arXiv id is missing");
        }
        String s = text.strip();
        s = URL_PREFIX.matcher(s).replaceFirst("");
        if (s.regionMatches(true, 0, "arxiv:", 0, 6)) {
            s = s.substring(6);
        }
        if (s.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            s = s.substring(0, s.length() - 4);
        }
        Matcher m = NEW_STYLE.matcher(s);
        if (m.matches()) {
            String yymm = m.group(1);
            int month = Integer.parseInt(yymm.substring(2));
            boolean fiveDigitEra = yymm.compareTo(FIVE_DIGITS_FROM) >= 0;
            if (month < 1 || month > 12 || fiveDigitEra != (m.group(2).length() == 5)) {
                throw new IllegalArgumentException("not a valid arXiv id: " + text);
            }
            return new Versioned(new ArxivId(yymm + "." + m.group(2)), version(m.group(3)));
        }
        m = OLD_STYLE.matcher(s);
        if (m.matches()) {
            return new Versioned(new ArxivId(m.group(1) + "/" + m.group(2)), version(m.group(3)));
        }
        throw new IllegalArgumentException("not a valid arXiv id: " + text);
    }

    private static int version(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + value;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + value;
    }

    @Override
    public int compareTo(ArxivId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** An id with the version the text named, 0 for none. */
    public record Versioned(ArxivId id, int version) {
    }
}
