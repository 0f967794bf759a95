package dailypapers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CleanTextTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F})
    void controlCharactersAreRemoved(int control) {
        assertThat(CleanText.clean("a" + (char) control + "b")).isEqualTo("ab");
    }

    @Test
    void tabLineFeedAndCarriageReturnStay() {
        assertThat(CleanText.clean("a\tb\nc\r\nd")).isEqualTo("a\tb\nc\r\nd");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0xFDD0, 0xFDE7, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF})
    void noncharactersAreRemoved(int noncharacter) {
        assertThat(CleanText.clean("a" + Character.toString(noncharacter) + "b")).isEqualTo("ab");
    }

    @Test
    void charactersNextToTheNoncharactersStay() {
        String kept = "\uFDCF\uFDF0\uFFFD\uFFFC" + Character.toString(0x1FFFD) + Character.toString(0x20000);
        assertThat(CleanText.clean(kept)).isEqualTo(kept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "lone high surrogate      | a\\uD800b  | a\\uFFFDb",
            "lone low surrogate       | a\\uDC00b  | a\\uFFFDb",
            "high surrogate at end    | ab\\uDBFF  | ab\\uFFFD",
            "two high surrogates      | \\uD800\\uD800 | \\uFFFD\\uFFFD",
            "reversed pair            | \\uDE00\\uD83D | \\uFFFD\\uFFFD",
            "lone one before a pair   | \\uD800\\uD83D\\uDE00 | \\uFFFD\\uD83D\\uDE00"
    })
    void loneSurrogatesBecomeTheReplacementCharacter(String name, String input, String expected) {
        assertThat(CleanText.clean(unescape(input))).isEqualTo(unescape(expected));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void bidirectionalOverridesAndIsolatesAreRemoved(int control) {
        assertThat(CleanText.clean((char) control + "gnp.exe")).isEqualTo("gnp.exe");
    }

    @Test
    void rightToLeftTextAndItsMarksStay() {
        String hebrewAndArabic = "שלום \u200F(1)\u200E مرحبا\u061C";
        assertThat(CleanText.clean(hebrewAndArabic)).isSameAs(hebrewAndArabic);
    }

    @Test
    void emojiCjkAccentsAndMathLettersStayAsTheyAre() {
        String text = "😀 👩🏽‍🔬 李明 Balázs Csáji 𝒞_h 𝔽 ∑ é\u0301 \u00A0 \u2028 —";
        assertThat(CleanText.clean(text)).isSameAs(text);
    }

    @Test
    void cleaningKeepsWhatSurroundsEachRemoval() {
        assertThat(CleanText.clean("\u0000😀\u202E李\uFFFF𝒞\u0007")).isEqualTo("😀李𝒞");
    }

    @Test
    void isUncleanTellsWhetherCleaningChangesTheText() {
        assertThat(CleanText.isUnclean("plain 😀 text")).isFalse();
        assertThat(CleanText.isUnclean("x\u202E")).isTrue();
        assertThat(CleanText.isUnclean("\uD800")).isTrue();
        assertThat(CleanText.isUnclean(Character.toString(0x10FFFF))).isTrue();
    }

    @Test
    void lineCollapsesEveryKindOfWhitespaceRunAsTheRegexDoes() {
        Pattern whitespace = Pattern.compile("\\s+");
        String alphabet = "ab \t\n\u000B\f\r\u00A0\u2028é";
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = whitespace.matcher(CleanText.clean(text.toString())).replaceAll(" ").strip();
            assertThat(CleanText.line(text.toString())).as("line of %s", text.codePoints().boxed().toList())
                    .isEqualTo(expected);
        }
        assertThat(CleanText.line(" one  two\tthree\r\n four ")).isEqualTo("one two three four");
    }

    @Test
    void nullStaysNull() {
        assertThat(CleanText.clean(null)).isNull();
    }

    /** CSV cannot hold lone surrogates, so cases write them as \\uXXXX. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }
}
