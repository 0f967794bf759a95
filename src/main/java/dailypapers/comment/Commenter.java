package dailypapers.comment;

import java.util.Optional;

/**
 * Who wrote a comment, as pages name them.
 *
 * @param handle empty once the member deleted their account: the comment then shows "deleted member"
 */
public record Commenter(long memberId, Optional<String> handle, Optional<String> displayName) {

    public static final String DELETED_MEMBER = "deleted member";

    public boolean isDeleted() {
        return handle.isEmpty();
    }

    /** The display name, or "deleted member". */
    public String name() {
        return isDeleted() ? DELETED_MEMBER : displayName.orElse(DELETED_MEMBER);
    }
}
