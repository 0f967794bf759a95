package dailypapers.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the inline mathematics in a title or abstract: {@code $...$}, {@code $$...$$} and {@code \(...\)}.
 *
 * <p>A dollar sign is money unless it reads as TeX, by Pandoc's rule: the opening {@code $} has a non-space character
 * right after it, the closing one a non-space character right before it and no digit right after it. So
 * "$5 and $10" stays text while "$x$" is math. {@code \$} is always a literal dollar.
 */
public final class InlineMath {

    /** Longer math is left as text: real inline formulas are short, and this bounds the work per span. */
    static final int MAX_MATH_CHARS = 1_000;

    private InlineMath() {
    }

    /** A run of the text: prose, or the TeX source of one formula (without its delimiters). */
    public record Span(String text, boolean isMath) {
    }

    /** The text as prose and math spans in order; the math spans without their delimiters. */
    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '(') {
                    int close = text.indexOf("\\)", i + 2);
                    if (close > i + 2 && close - i - 2 <= MAX_MATH_CHARS) {
                        flush(prose, spans);
                        spans.add(new Span(text.substring(i + 2, close), true));
                        i = close + 2;
                        continue;
                    }
                }
                prose.append(c).append(next);
                i += 2;
                continue;
            }
            if (c == '$') {
                boolean display = i + 1 < text.length() && text.charAt(i + 1) == '$';
                String delimiter = display ? "$$" : "$";
                int close = display ? displayEnd(text, i + 2) : inlineEnd(text, i + 1);
                if (close > 0) {
                    flush(prose, spans);
                    spans.add(new Span(text.substring(i + delimiter.length(), close), true));
                    i = close + delimiter.length();
                    continue;
                }
                prose.append(delimiter);
                i += delimiter.length();
                continue;
            }
            prose.append(c);
            i++;
        }
        flush(prose, spans);
        return spans;
    }

    /** Where the {@code $} closing math that opens at {@code start} is, or -1 when this dollar is not math. */
    private static int inlineEnd(String text, int start) {
        if (start >= text.length() || Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '$') {
            return -1;
        }
        int limit = Math.min(text.length(), start + MAX_MATH_CHARS + 1);
        for (int i = start; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(text.charAt(i - 1));
                boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
                return spaceBefore || digitAfter ? -1 : i;
            }
        }
        return -1;
    }

    private static int displayEnd(String text, int start) {
        int close = text.indexOf("$$", start);
        return close > start && close - start <= MAX_MATH_CHARS ? close : -1;
    }

    private static void flush(StringBuilder prose, List<Span> spans) {
        if (!prose.isEmpty()) {
            spans.add(new Span(prose.toString(), false));
            prose.setLength(0);
        }
    }
}
