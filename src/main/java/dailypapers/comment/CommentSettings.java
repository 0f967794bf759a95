package dailypapers.comment;

import java.time.Duration;

/**
 * Comment rate limits, read by {@code Config} from the {@code comment.*} keys: a member posts at most
 * {@code perMember} comments and replies per {@code window}, and one client address at most {@code perAddress}
 * (several members behind one address, or one abuser with several accounts).
 */
public record CommentSettings(int perMember, int perAddress, Duration window) {

    public CommentSettings {
        if (perMember < 1 || perAddress < 1 || !window.isPositive()) {
            throw new IllegalArgumentException("comment rate limits must be at least 1 per a positive window");
        }
    }
}
