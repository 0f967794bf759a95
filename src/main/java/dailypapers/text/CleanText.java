package dailypapers.text;

import java.util.regex.Pattern;

/**
 * Untrusted text made safe to store and show: the one rule for what characters may stay. Importers and harvesters
 * clean every field with it before a record is stored; the HTML output applies it again to whatever a page shows,
 * so rows stored before this rule existed cannot put such characters on a page either.
 *
 * <ul>
 * <li>Control characters (C0, DEL, C1) are removed, except tab, line feed and carriage return, which are ordinary
 * whitespace wherever a field may span lines; the importers then collapse all whitespace to single spaces.</li>
 * <li>Unicode noncharacters (U+FDD0–U+FDEF and every U+xxFFFE, U+xxFFFF) are removed.</li>
 * <li>A lone surrogate becomes U+FFFD; a surrogate pair (emoji, math letters) is kept.</li>
 * <li>Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed rather than
 * balanced or wrapped in an isolate: isolating would only shield the text around a field, while inside it
 * "U+202E gnp.exe" would still read "exe.png". Right-to-left scripts need none of them, because the implicit
 * bidirectional algorithm orders them; the marks U+200E, U+200F and U+061C, which cannot reverse a run, stay.</li>
 * </ul>
 */
public final class CleanText {

    private static final char REPLACEMENT = '\uFFFD';
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CleanText() {
    }

    /** The text without the characters above; the same instance when it has none of them; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnclean(text);
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                if (!isNoncharacter(codePoint)) {
                    out.appendCodePoint(codePoint);
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (!isRemoved(c)) {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /**
     * The text {@link #clean}ed, with runs of whitespace (newlines and tabs included) made one space and the ends
     * stripped: one line, as stored fields and names are; null stays null.
     */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = clean(text);
        // Most fields have no run to collapse; the regex costs an import more than parsing the JSON does.
        return (hasWhitespaceRun(cleaned) ? WHITESPACE.matcher(cleaned).replaceAll(" ") : cleaned).strip();
    }

    /** True when {@link #WHITESPACE} would change the text: it has whitespace other than single spaces. */
    private static boolean hasWhitespaceRun(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' ? i + 1 < text.length() && text.charAt(i + 1) == ' ' : c >= '\t' && c <= '\r') {
                return true;
            }
        }
        return false;
    }

    /** True when {@link #clean} would change the text. */
    public static boolean isUnclean(String text) {
        return firstUnclean(text) < text.length();
    }

    /** The index of the first unit {@link #clean} changes, or the length when there is none. */
    private static int firstUnclean(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (isNoncharacter(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return i;
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c) || isRemoved(c)) {
                return i;
            }
            i++;
        }
        return text.length();
    }

    /** A character of the Basic Multilingual Plane, not a surrogate, that {@link #clean} drops. */
    private static boolean isRemoved(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c < 0x7F) {
            return false;
        }
        return c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || isNoncharacter(c);
    }

    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
