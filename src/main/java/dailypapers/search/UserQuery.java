package dailypapers.search;

import static dailypapers.text.Messages.abbreviate;

import dailypapers.paper.ArxivId;
import dailypapers.paper.Category;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed into the search box, parsed. The syntax is small and forgiving: free words; "quoted
 * phrases"; {@code author:Name} or {@code author:"Full Name"}; {@code cat:cs.CL} (or {@code cat:cs} for a whole
 * archive); {@code year:2025}, {@code year:2024..2025}, {@code year:2024..}; {@code date:2024-03},
 * {@code date:2024-03-01..2024-06-30}; {@code has:code}. Anything else, Lucene syntax included, is plain text,
 * and an unbalanced quote is ignored: no input makes parsing fail. A filter with a bad value is dropped with a
 * warning that says why.
 *
 * @param text      the free words, operators and quotes removed
 * @param phrases   the quoted phrases
 * @param plainText words and phrases in the order typed, without quotes: what the exact-title check and the
 *                  embedding model see
 * @param warnings  filters that were ignored, in words for the person who typed them
 */
public record UserQuery(String raw, String text, List<String> phrases, String plainText, Filters filters,
        List<String> warnings) {

    /** Longest accepted query, in characters (Hugging Face's search API accepts 250 too). */
    public static final int MAX_LENGTH = 250;

    private static final Pattern OPERATOR = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public UserQuery {
        phrases = List.copyOf(phrases);
        warnings = List.copyOf(warnings);
    }

    /** Parses any text; longer than {@link #MAX_LENGTH} is the caller's to refuse. */
    public static UserQuery parse(String raw) {
        return new Parser(raw == null ? "" : raw).parse();
    }

    /** This query with {@code more} filters that results must meet as well (a saved search within a window). */
    public UserQuery narrowedBy(Filters more) {
        return new UserQuery(raw, text, phrases, plainText, filters.and(more), warnings);
    }

    /** True when there is nothing to search for: no words, no phrases, no filters. */
    public boolean isEmpty() {
        return plainText.isBlank() && filters.isEmpty();
    }

    public boolean hasWords() {
        return !plainText.isBlank();
    }

    /** The arXiv id the query consists of, in any accepted form ({@code arXiv:2401.09603v2}, an abs URL, …). */
    public Optional<ArxivId> arxivId() {
        return plainText.contains(" ") ? Optional.empty() : ArxivId.tryParse(plainText);
    }

    public KeywordQuery keywordQuery(boolean requireAllWords) {
        return new KeywordQuery(text, phrases, filters, requireAllWords);
    }

    private static final class Parser {

        private final String input;
        private int position;
        private final List<String> words = new ArrayList<>();
        private final List<String> phrases = new ArrayList<>();
        private final List<String> plain = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> authors = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private LocalDate from;
        private LocalDate until;
        private boolean hasCode;

        Parser(String input) {
            this.input = input;
        }

        UserQuery parse() {
            while (skipSpace()) {
                if (input.charAt(position) == '"') {
                    position++;
                    int close = input.indexOf('"', position);
                    if (close < 0) {
                        continue; // an unbalanced quote is ignored; the rest reads as words
                    }
                    String phrase = collapse(input.substring(position, close));
                    position = close + 1;
                    if (!phrase.isEmpty()) {
                        phrases.add(phrase);
                        plain.add(phrase);
                    }
                    continue;
                }
                String token = readToken();
                Matcher operator = OPERATOR.matcher(token);
                if (operator.matches() && isOperator(operator.group(1))) {
                    String value = operator.group(2);
                    if (value.isEmpty() && position < input.length() && input.charAt(position) == '"') {
                        value = readQuoted();
                    }
                    apply(operator.group(1).toLowerCase(Locale.ROOT), collapse(value), token);
                } else {
                    words.add(token);
                    plain.add(token);
                }
            }
            Filters filters = new Filters(authors, categories, Optional.ofNullable(from), Optional.ofNullable(until),
                    hasCode, Set.of(), List.of());
            return new UserQuery(input, String.join(" ", words), phrases, String.join(" ", plain), filters,
                    warnings);
        }

        private boolean skipSpace() {
            while (position < input.length() && Character.isWhitespace(input.charAt(position))) {
                position++;
            }
            return position < input.length();
        }

        private String readToken() {
            int start = position;
            while (position < input.length() && !Character.isWhitespace(input.charAt(position))
                    && input.charAt(position) != '"') {
                position++;
            }
            return input.substring(start, position);
        }

        /** The quoted value after {@code key:}; an unbalanced quote takes the rest of the input. */
        private String readQuoted() {
            position++;
            int close = input.indexOf('"', position);
            int end = close < 0 ? input.length() : close;
            String value = input.substring(position, end);
            position = close < 0 ? input.length() : close + 1;
            return value;
        }

        private static boolean isOperator(String key) {
            return switch (key.toLowerCase(Locale.ROOT)) {
                case "author", "cat", "category", "year", "date", "has" -> true;
                default -> false;
            };
        }

        private void apply(String key, String value, String token) {
            if (value.isEmpty()) {
                warnings.add("Ignored '" + abbreviate(token) + "': it needs a value, like " + example(key) + ".");
                return;
            }
            switch (key) {
                case "author" -> authors.add(value);
                case "cat", "category" -> {
                    if (Category.isWellFormed(value)) {
                        categories.add(value);
                    } else {
                        warnings.add("Ignored '" + abbreviate(token) + "': expected an arXiv category like "
                                + example(key) + ".");
                    }
                }
                case "year", "date" -> {
                    try {
                        range(value);
                    } catch (IllegalArgumentException | DateTimeException e) {
                        warnings.add("Ignored '" + abbreviate(token) + "': expected " + example(key) + ".");
                    }
                }
                case "has" -> {
                    if (value.equalsIgnoreCase("code")) {
                        hasCode = true;
                    } else {
                        warnings.add("Ignored '" + abbreviate(token) + "': the only has: filter is has:code.");
                    }
                }
                default -> throw new IllegalStateException("not an operator: " + key);
            }
        }

        /** {@code A}, {@code A..B}, {@code A..} or {@code ..B}; each bound a year, month or day. */
        private void range(String value) {
            int dots = value.indexOf("..");
            LocalDate start;
            LocalDate end;
            if (dots < 0) {
                start = start(value);
                end = end(value);
            } else {
                String left = value.substring(0, dots);
                String right = value.substring(dots + 2);
                if (left.isEmpty() && right.isEmpty()) {
                    throw new IllegalArgumentException("empty range");
                }
                start = left.isEmpty() ? null : start(left);
                end = right.isEmpty() ? null : end(right);
                if (start != null && end != null && !start.isBefore(end)) {
                    throw new IllegalArgumentException("empty range");
                }
            }
            if (start != null && (from == null || start.isAfter(from))) {
                from = start;
            }
            if (end != null && (until == null || end.isBefore(until))) {
                until = end;
            }
        }

        private static LocalDate start(String bound) {
            if (YEAR.matcher(bound).matches()) {
                return LocalDate.of(Integer.parseInt(bound), 1, 1);
            }
            if (MONTH.matcher(bound).matches()) {
                return YearMonth.parse(bound).atDay(1);
            }
            if (DAY.matcher(bound).matches()) {
                return LocalDate.parse(bound);
            }
            throw new IllegalArgumentException("not a year, month or day: " + bound);
        }

        /** The day after the period {@code bound} names. */
        private static LocalDate end(String bound) {
            if (YEAR.matcher(bound).matches()) {
                return LocalDate.of(Integer.parseInt(bound) + 1, 1, 1);
            }
            if (MONTH.matcher(bound).matches()) {
                return YearMonth.parse(bound).plusMonths(1).atDay(1);
            }
            return start(bound).plusDays(1);
        }

        private static String example(String key) {
            return switch (key) {
                case "author" -> "author:\"Yann LeCun\"";
                case "cat", "category" -> "cat:cs.CL or cat:cs";
                case "year" -> "year:2025 or year:2024..2025";
                case "date" -> "date:2024-03 or date:2024-03-01..2024-06-30";
                default -> "has:code";
            };
        }

        private static String collapse(String text) {
            return text.strip().replaceAll("\\s+", " ");
        }
    }
}
