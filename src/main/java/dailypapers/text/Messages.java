package dailypapers.text;

/** Pieces of messages that every feature writes alike: echoed input, and the cause of a failure. */
public final class Messages {

    /** How much of a piece of input a message repeats. */
    public static final int MAX_ECHOED_CHARS = 60;

    private Messages() {
    }

    /** Keeps echoed input short, so a message stays readable and cannot reflect a huge payload. */
    public static String abbreviate(String text) {
        return text.length() <= MAX_ECHOED_CHARS ? text : text.substring(0, MAX_ECHOED_CHARS) + "…";
    }

    /** The message of the innermost cause, which names what actually failed; its class when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
