package dailypapers.moderation;

import java.util.Arrays;
import java.util.Locale;

/** The short list a member picks from when reporting; a note may say more. */
public enum FlagReason {
    SPAM("Spam or advertising"),
    ABUSE("Harassment or abuse"),
    OFF_TOPIC("Not a research paper or off-topic"),
    MISLEADING("Wrong or misleading information"),
    OTHER("Something else (say what in the note)");

    private final String label;

    FlagReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code spam}, {@code abuse}, {@code off-topic}, {@code misleading}, {@code other}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FlagReason of(String key) {
        return Arrays.stream(values()).filter(reason -> reason.key().equals(key)).findFirst()
                .orElseThrow(() -> new ModerationException(ModerationException.Code.REASON_INVALID,
                        "choose a reason from the list"));
    }
}
