package dailypapers.moderation;

import java.util.List;

/** One target in the moderation queue and its open flags, newest first. */
public record FlaggedTarget(Target target, List<Flag> flags) {

    public FlaggedTarget {
        flags = List.copyOf(flags);
    }
}
