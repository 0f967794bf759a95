package dailypapers.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The TeX habits of arXiv prose made readable: {@code 97.3\%} is "97.3%", {@code --} an en dash. */
final class Prose {

    /** Text-mode commands whose argument is simply the text ({@code \textbf{Fast}} reads "Fast"). */
    private static final Pattern TEXT_COMMAND = Pattern.compile(
            "\\\\(?:textbf|textit|textsc|texttt|textrm|textsf|textup|textnormal|emph|underline|mbox|text|url)"
                    + "\\{([^{}]*)}");
    private static final Pattern HREF = Pattern.compile("\\\\href\\{[^{}]*}\\{([^{}]*)}");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([%&$#_{}])");
    /** Nested text commands are unwrapped from the inside out, a bounded number of levels. */
    private static final int MAX_NESTED_COMMANDS = 4;

    private Prose() {
    }

    static String clean(String text) {
        if (text.indexOf('\\') < 0 && !text.contains("--") && !text.contains("``") && !text.contains("''")) {
            return text;
        }
        String out = text;
        for (int i = 0; i < MAX_NESTED_COMMANDS && out.indexOf('\\') >= 0; i++) {
            String unwrapped = HREF.matcher(TEXT_COMMAND.matcher(out).replaceAll("$1")).replaceAll("$1");
            if (unwrapped.equals(out)) {
                break;
            }
            out = unwrapped;
        }
        out = ESCAPED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return out.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”");
    }
}
