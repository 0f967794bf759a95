package dailypapers.ingest;

import static dailypapers.text.Messages.abbreviate;

import dailypapers.paper.ArxivId;
import dailypapers.text.CleanText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Upstream fields read from text, the same way whether the record came as JSON or XML: every value cleaned by
 * {@link #clean} (the one place where text enters), ids and days checked, and a bad value rejected with the field's
 * name and a short echo of what was there.
 */
public final class TextFields {


    private TextFields() {
    }

    /**
     * Upstream text as it is stored: characters no page should show removed by {@link CleanText}, then runs of
     * whitespace (newlines and tabs in upstream titles and abstracts) made one space, so no stored field spans
     * lines; null stays null.
     */
    public static String clean(String text) {
        return CleanText.line(text);
    }

    /**
     * The value as a link a page may show, stripped, or null when it is not an absolute http(s) URL with a host.
     * {@link URI} refuses spaces, double quotes, angle brackets, backslashes and control characters; single quotes,
     * the characters {@link CleanText} removes (bidirectional overrides) and user info
     * ({@code https://github.com@evil.example}) are refused here. The value is checked as it came, before any
     * cleaning, so removing a character can never turn garbage into a link.
     */
    public static String httpUrl(String value) {
        String url = value.strip();
        if (CleanText.isUnclean(url) || url.indexOf('\'') >= 0) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        return http && uri.getHost() != null && uri.getRawUserInfo() == null ? url : null;
    }

    /** An arXiv id in any accepted form, with its version; missing or malformed ids are rejected. */
    public static ArxivId.Versioned arxivId(String raw, String field) throws RejectedRecord {
        if (raw == null || raw.isBlank()) {
            throw new RejectedRecord(field, "missing");
        }
        try {
            return ArxivId.parseVersioned(raw);
        } catch (IllegalArgumentException e) {
            throw new RejectedRecord(field, "not a valid arXiv id: '" + abbreviate(raw) + "'");
        }
    }

    /** A day written YYYY-MM-DD; null when absent or blank and not {@code required}. */
    public static LocalDate day(String value, String field, boolean required) throws RejectedRecord {
        return parse(value, field, required, LocalDate::parse, "invalid date '%s', expected YYYY-MM-DD");
    }

    /**
     * The UTC day of an ISO-8601 timestamp with a zone or offset (arXiv's {@code 2016-11-29T08:18:38Z}, Hugging
     * Face's {@code 2025-06-09T17:59:53.000Z}); null when absent or blank and not {@code required}.
     */
    public static LocalDate utcDay(String value, String field, boolean required) throws RejectedRecord {
        return parse(value, field, required,
                text -> OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                "invalid timestamp '%s', expected like 2025-06-09T17:59:53Z");
    }

    private static LocalDate parse(String value, String field, boolean required, Function<String, LocalDate> parser,
            String invalid) throws RejectedRecord {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new RejectedRecord(field, "missing");
            }
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedRecord(field, invalid.formatted(abbreviate(value.strip())));
        }
    }
}
