package dailypapers.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dependency's state as {@code /readyz} reports it, with a few named facts (an error's first line, a circuit's
 * state). Facts are short texts or numbers: never a stack trace, never a setting's value that could be a secret.
 */
public record Check(State state, Map<String, Object> details) {

    /** A reason is cut to this length, so a chatty server's answer cannot bloat a probe that runs every second. */
    static final int MAX_REASON_CHARS = 200;

    public enum State {
        UP, DOWN,
        /** Not known yet: a check that runs in the background has not finished once. */
        UNKNOWN;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Check {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Check up() {
        return new Check(State.UP, Map.of());
    }

    /** Down, with why: the reason's first line, cut short. */
    public static Check down(String reason) {
        return new Check(State.DOWN, Map.of("error", reason(reason)));
    }

    public static Check unknown(String reason) {
        return new Check(State.UNKNOWN, Map.of("error", reason(reason)));
    }

    /** This check with one more fact. */
    public Check with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new Check(state, more);
    }

    static String reason(String text) {
        String line = text == null ? "" : text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse("");
        if (line.isEmpty()) {
            return "no reason given";
        }
        return line.length() > MAX_REASON_CHARS ? line.substring(0, MAX_REASON_CHARS) + "…" : line;
    }
}
