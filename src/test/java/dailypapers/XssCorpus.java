package dailypapers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The XSS payloads of {@code src/test/resources/xss/payloads.txt}, for any test that puts untrusted text on a page,
 * with the checks that say a rendered page kept them inert.
 */
public final class XssCorpus {

    private static final String RESOURCE = "/xss/payloads.txt";

    /**
     * What no sanitized HTML may contain, whatever went in: a script or an embedding element, an event handler
     * attribute, a style attribute, or a URL with a scheme that runs or smuggles code.
     */
    private static final Pattern ACTIVE = Pattern.compile(
            "<\\s*(script|img|svg|math|iframe|object|embed|style|link|meta|base|form|input|button|body|details"
                    + "|animate)\\b|\\son[a-z]+\\s*=|\\sstyle\\s*=|\\s(href|src|action|data)\\s*=\\s*\"?\\s*"
                    + "(javascript|vbscript|data):",
            Pattern.CASE_INSENSITIVE);

    private XssCorpus() {
    }

    /** Every payload, with {@code \n} made a line break. */
    public static List<String> payloads() {
        try (InputStream in = XssCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .map(line -> line.replace("\\n", "\n"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the HTML has markup that could run script (see {@link #ACTIVE}). */
    public static boolean isActive(String html) {
        return ACTIVE.matcher(html).find();
    }
}
