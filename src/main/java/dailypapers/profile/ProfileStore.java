package dailypapers.profile;

import dailypapers.account.Handle;
import java.util.Optional;

/** Members as their profiles read them, and the profile's preferences (the member table). */
public interface ProfileStore {

    /** The member with exactly this handle, whatever their state. */
    Optional<Profile> profile(Handle handle);

    Optional<Profile> profile(long memberId);

    /** False when there is no such member. */
    boolean setShowsUpvotes(long memberId, boolean shows);
}
