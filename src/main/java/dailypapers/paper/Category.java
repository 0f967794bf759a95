package dailypapers.paper;

import java.util.regex.Pattern;

/** arXiv category names: {@code cs.CL}, {@code hep-th}, {@code q-bio.NC}. */
public final class Category {

    public static final int MAX_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z-]*(?:\\.[A-Za-z-]+)?");

    private Category() {
    }

    /** Whether {@code name} has the shape of an arXiv category (it need not exist). */
    public static boolean isWellFormed(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }
}
