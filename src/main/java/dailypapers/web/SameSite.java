package dailypapers.web;

import java.util.Optional;

/** Where a form may send the browser back to: a path on this site, never another site. */
final class SameSite {

    private SameSite() {
    }

    /**
     * {@code next} when it is a path of this site, else {@code fallback}. "//evil.example" and "/\evil.example" are
     * other sites to a browser, and a control character could split the Location header.
     */
    static String path(String next, String fallback) {
        return Optional.ofNullable(next)
                .filter(n -> n.startsWith("/") && !n.startsWith("//") && !n.startsWith("/\\")
                        && n.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\'))
                .orElse(fallback);
    }
}
