package dailypapers.profile;

import dailypapers.account.AccountException;
import dailypapers.account.Handle;
import dailypapers.account.MemberState;
import java.util.Optional;

/**
 * Members' public profiles and their preferences. A profile is shown for an active member only: a banned member's
 * page is gone (a 404, like a handle nobody has), so a ban also takes down what the member wrote about themselves.
 */
public final class ProfileService {

    private final ProfileStore store;

    public ProfileService(ProfileStore store) {
        this.store = store;
    }

    /** The profile at {@code /members/{handle}}; empty for a malformed handle, nobody, or a banned member. */
    public Optional<Profile> visible(String handle) {
        Handle parsed;
        try {
            parsed = new Handle(handle);
        } catch (AccountException e) {
            return Optional.empty();
        }
        return store.profile(parsed).filter(p -> p.member().state() == MemberState.ACTIVE);
    }

    /** The member's own profile, for their settings page. */
    public Optional<Profile> own(long memberId) {
        return store.profile(memberId);
    }

    public void setShowsUpvotes(long memberId, boolean shows) {
        if (!store.setShowsUpvotes(memberId, shows)) {
            throw new AccountException(AccountException.Code.NO_SUCH_MEMBER, "no such member");
        }
    }
}
