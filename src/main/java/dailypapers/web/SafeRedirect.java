package dailypapers.web;

/**
 * Where a {@code next} parameter may send a browser: only a path of this site. A path starts with one {@code /};
 * {@code //host} and {@code /\host} are other sites to a browser, and control characters (a tab, a line break) are
 * dropped by browsers in ways that can turn a path into one of those, so each of them sends the browser home.
 */
final class SafeRedirect {

    private SafeRedirect() {
    }

    /** {@code next} when it is a same-site path, else {@code /}. */
    static String path(String next) {
        return path(next, AccountPages.HOME);
    }

    /** {@code next} when it is a same-site path, else {@code fallback}. */
    static String path(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//")) {
            return fallback;
        }
        boolean safe = next.chars().noneMatch(c -> c == '\\' || c < 0x20 || c == 0x7f || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
        return safe ? next : fallback;
    }
}
