package dailypapers.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads BibTeX leniently, the way reference managers write it: entries in braces or parentheses, field values in
 * braces, in quotes, numbers or {@code @string} abbreviations joined with {@code #}; {@code @comment},
 * {@code @preamble} and text between entries are skipped. A malformed entry becomes a {@link Problem} with its line
 * and key (when it got that far), and reading goes on at the next line that starts with {@code @}, so one bad
 * entry never hides the good ones after it.
 *
 * <p>Hand-written rather than jbibtex: that parser stops at the first malformed entry and keeps no line numbers,
 * and an import has to report every entry it did not take by line and key.
 */
public final class BibtexReader {

    /** The entries read, in file order, and the entries that could not be read. */
    public record Result(List<BibtexEntry> entries, List<Problem> problems) {

        public Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    /**
     * An entry that could not be read.
     *
     * @param key the entry's key, or null when the error came before it
     */
    public record Problem(int line, String key, String message) {
    }

    private static final class Malformed extends Exception {

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final int[] lineStarts;
    private final Map<String, String> strings = new HashMap<>();
    private final List<BibtexEntry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int pos;

    private BibtexReader(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public static Result read(String text) {
        BibtexReader reader = new BibtexReader(text);
        reader.readAll();
        return new Result(reader.entries, reader.problems);
    }

    private void readAll() {
        int at;
        while ((at = text.indexOf('@', pos)) >= 0) {
            pos = at + 1;
            String type = identifier().toLowerCase(Locale.ROOT);
            skipSpace();
            if (type.isEmpty() || pos >= text.length() || text.charAt(pos) != '{' && text.charAt(pos) != '(') {
                // Text between entries is a comment in BibTeX, an email address included; an "@" that starts a
                // line is meant as an entry, though.
                if (startsLine(at)) {
                    problems.add(new Problem(line(at), null, "expected \"{\" after \"@" + type + "\""));
                }
                continue;
            }
            char close = text.charAt(pos) == '{' ? '}' : ')';
            pos++;
            String key = null;
            try {
                switch (type) {
                    case "comment", "preamble" -> skipGroup(close);
                    case "string" -> readString(close);
                    default -> {
                        key = key();
                        entries.add(new BibtexEntry(line(at), type, key, fields(close)));
                    }
                }
            } catch (Malformed e) {
                problems.add(new Problem(line(at), key, e.getMessage()));
                pos = nextLineStartingWithAt(at);
            }
        }
    }

    private String key() throws Malformed {
        skipSpace();
        int start = pos;
        while (pos < text.length() && ",}) \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String key = text.substring(start, pos);
        skipSpace();
        if (key.isEmpty()) {
            throw new Malformed("the entry has no key");
        }
        if (pos >= text.length() || text.charAt(pos) != ',' && text.charAt(pos) != '}' && text.charAt(pos) != ')') {
            throw new Malformed("expected \",\" after the key, on line " + line(pos));
        }
        return key;
    }

    private Map<String, String> fields(char close) throws Malformed {
        Map<String, String> fields = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            }
            if (pos >= text.length()) {
                throw new Malformed("the entry is not closed with \"" + close + "\"");
            }
            if (text.charAt(pos) == close) {
                pos++;
                return fields;
            }
            String name = identifier().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new Malformed("expected a field name on line " + line(pos));
            }
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw new Malformed("expected \"=\" after field \"" + name + "\" on line " + line(pos));
            }
            pos++;
            fields.putIfAbsent(name, tidy(value()));
            skipSpace();
            if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != close) {
                throw new Malformed("expected \",\" or \"" + close + "\" after field \"" + name + "\" on line "
                        + line(pos));
            }
        }
    }

    private void readString(char close) throws Malformed {
        skipSpace();
        String name = identifier().toLowerCase(Locale.ROOT);
        skipSpace();
        if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '=') {
            throw new Malformed("expected \"name = value\" in @string");
        }
        pos++;
        strings.put(name, value());
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != close) {
            throw new Malformed("the @string is not closed with \"" + close + "\"");
        }
        pos++;
    }

    /** A value as written: its parts joined ({@code #}), without their outer braces or quotes. */
    private String value() throws Malformed {
        StringBuilder out = new StringBuilder();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw new Malformed("a field has no value");
            }
            char c = text.charAt(pos);
            if (c == '{') {
                int start = ++pos;
                skipBalanced('}');
                out.append(text, start, pos - 1);
            } else if (c == '"') {
                int start = ++pos;
                skipQuoted();
                out.append(text, start, pos - 1);
            } else {
                String word = identifier();
                if (word.isEmpty()) {
                    throw new Malformed("expected a value on line " + line(pos));
                }
                out.append(Character.isDigit(word.charAt(0)) ? word
                        : strings.getOrDefault(word.toLowerCase(Locale.ROOT), word));
            }
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '#') {
                pos++;
                continue;
            }
            return out.toString();
        }
    }

    /** A field's value for reading: inner braces removed, whitespace collapsed. */
    private static String tidy(String value) {
        return value.replaceAll("(?<!\\\\)[{}]", "").replaceAll("\\s+", " ").strip();
    }

    /** Skips to just after the {@code close} that balances the group already opened. */
    private void skipGroup(char close) throws Malformed {
        if (close == '}') {
            skipBalanced('}');
            return;
        }
        int end = text.indexOf(')', pos);
        if (end < 0) {
            throw new Malformed("not closed with \")\"");
        }
        pos = end + 1;
    }

    private void skipBalanced(char close) throws Malformed {
        int depth = 1;
        int opened = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                pos++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return;
            }
        }
        throw new Malformed("the brace opened on line " + line(opened - 1) + " is never closed");
    }

    private void skipQuoted() throws Malformed {
        int depth = 0;
        int opened = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                pos++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '"' && depth == 0) {
                return;
            }
        }
        throw new Malformed("the quote opened on line " + line(opened - 1) + " is never closed");
    }

    /** Letters, digits and the punctuation BibTeX allows in names: field names, types, abbreviations. */
    private String identifier() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || "_-:.+/'!?*".indexOf(c) >= 0) {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean startsLine(int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) != '\n') {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
            i--;
        }
        return true;
    }

    /** Where reading resumes after a malformed entry: the next {@code @} that starts a line after its own line. */
    private int nextLineStartingWithAt(int at) {
        int line = line(at);
        for (int l = line; l < lineStarts.length; l++) {
            int i = lineStarts[l];
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '@') {
                return i;
            }
        }
        return text.length();
    }

    /** The 1-based line of a position. */
    private int line(int position) {
        int found = Arrays.binarySearch(lineStarts, position);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
