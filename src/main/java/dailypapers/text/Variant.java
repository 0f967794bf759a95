package dailypapers.text;

import java.util.Map;

/**
 * A TeX math font ({@code \mathcal}, {@code \mathbb}, …) as the Unicode mathematical alphanumerics that MathML Core
 * and plain text both show, since browsers no longer honour {@code mathvariant} beyond "normal".
 */
enum Variant {
    NONE(-1, -1, -1, Map.of()),
    UPRIGHT(-1, -1, -1, Map.of()),
    BOLD(0x1D400, 0x1D41A, 0x1D7CE, Map.of()),
    ITALIC(0x1D434, 0x1D44E, -1, Map.of('h', 'ℎ')),
    BOLD_ITALIC(0x1D468, 0x1D482, 0x1D7CE, Map.of()),
    SCRIPT(0x1D49C, 0x1D4B6, -1, Map.ofEntries(Map.entry('B', 'ℬ'), Map.entry('E', 'ℰ'), Map.entry('F', 'ℱ'),
            Map.entry('H', 'ℋ'), Map.entry('I', 'ℐ'), Map.entry('L', 'ℒ'), Map.entry('M', 'ℳ'), Map.entry('R', 'ℛ'),
            Map.entry('e', 'ℯ'), Map.entry('g', 'ℊ'), Map.entry('o', 'ℴ'))),
    FRAKTUR(0x1D504, 0x1D51E, -1, Map.of('C', 'ℭ', 'H', 'ℌ', 'I', 'ℑ', 'R', 'ℜ', 'Z', 'ℨ')),
    DOUBLE_STRUCK(0x1D538, 0x1D552, 0x1D7D8, Map.of('C', 'ℂ', 'H', 'ℍ', 'N', 'ℕ', 'P', 'ℙ', 'Q', 'ℚ', 'R', 'ℝ',
            'Z', 'ℤ')),
    SANS(0x1D5A0, 0x1D5BA, 0x1D7E2, Map.of()),
    MONOSPACE(0x1D670, 0x1D68A, 0x1D7F6, Map.of());

    private final int capitalA;
    private final int smallA;
    private final int zero;
    /** Letters that Unicode had already encoded elsewhere (the Letterlike Symbols block), leaving holes here. */
    private final Map<Character, Character> exceptions;

    Variant(int capitalA, int smallA, int zero, Map<Character, Character> exceptions) {
        this.capitalA = capitalA;
        this.smallA = smallA;
        this.zero = zero;
        this.exceptions = exceptions;
    }

    /** The text in this font; characters the font has no form for (Greek, punctuation) stay as they are. */
    String apply(String text) {
        if (capitalA < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character exception = exceptions.get(c);
            if (exception != null) {
                out.append(exception.charValue());
            } else if (c >= 'A' && c <= 'Z') {
                out.appendCodePoint(capitalA + c - 'A');
            } else if (c >= 'a' && c <= 'z') {
                out.appendCodePoint(smallA + c - 'a');
            } else if (c >= '0' && c <= '9' && zero > 0) {
                out.appendCodePoint(zero + c - '0');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
