package dailypapers.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Author names as upstreams give them, read by one rule for every importer and harvester. arXiv writes a paper's
 * authors either as one string ({@code arXivRaw}, the Kaggle snapshot's {@code authors}) or as name parts (the OAI
 * {@code arXiv} format's forenames, keyname and suffix; the snapshot's {@code authors_parsed}).
 */
public final class Authors {

    /** Affiliations in parentheses, which may hold commas and "and" and nest: "(1) MIT, (2) ETH and EPFL". */
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern ET_AL = Pattern.compile("(?:^|\\s+)et\\.?\\s+al\\.?$");
    /** A suffix standing after a comma belongs to the name before it: "S. J. Gates, Jr., A. Other". */
    private static final Pattern SUFFIX = Pattern.compile("(?:Jr|Sr)\\.?|I{2,3}|IV");

    private Authors() {
    }

    /**
     * Splits "A. One (MIT), B. Two, and C. Three" on commas and "and", without the affiliations in parentheses, a
     * trailing "et al." or empty names.
     */
    public static List<String> split(String authors) {
        if (authors == null) {
            return List.of();
        }
        String text = authors;
        String previous;
        do {
            previous = text;
            text = PARENTHESES.matcher(text).replaceAll(" ");
        } while (!text.equals(previous));
        List<String> names = new ArrayList<>();
        for (String part : SEPARATOR.split(TextFields.clean(text))) {
            String name = ET_AL.matcher(part.strip()).replaceFirst("");
            if (name.isEmpty()) {
                continue;
            }
            if (SUFFIX.matcher(name).matches() && !names.isEmpty()) {
                names.set(names.size() - 1, names.getLast() + " " + name);
            } else {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** "Philipp A Hoehn" from its parts, any of which may be null or blank; empty when all are. */
    public static String fullName(String forenames, String keyname, String suffix) {
        return TextFields.clean(String.join(" ", orEmpty(forenames), orEmpty(keyname), orEmpty(suffix)));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
