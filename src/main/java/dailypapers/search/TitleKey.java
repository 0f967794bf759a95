package dailypapers.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A title reduced to what people type: lower case, accents dropped, punctuation and runs of space as one space.
 * "Attention Is All You Need" and "attention is all you need." have the same key.
 */
public final class TitleKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleKey() {
    }

    public static String of(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
