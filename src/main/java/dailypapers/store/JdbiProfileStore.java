package dailypapers.store;

import dailypapers.account.Handle;
import dailypapers.profile.Profile;
import dailypapers.profile.ProfileStore;
import java.util.Optional;

/** {@link ProfileStore} on the member table; members are read as {@link JdbiAccountStore} reads them. */
public final class JdbiProfileStore implements ProfileStore {

    private final HandleSource handles;

    public JdbiProfileStore(Database database) {
        this.handles = HandleSource.of(database);
    }

    @Override
    public Optional<Profile> profile(Handle handle) {
        return handles.read(h -> h.createQuery("SELECT " + JdbiAccountStore.MEMBER_COLUMNS
                        + ", m.show_upvotes FROM member m WHERE m.handle = :handle")
                .bind("handle", handle.value())
                .map((rs, ctx) -> new Profile(JdbiAccountStore.member(rs), rs.getBoolean("show_upvotes")))
                .findOne());
    }

    @Override
    public Optional<Profile> profile(long memberId) {
        return handles.read(h -> h.createQuery("SELECT " + JdbiAccountStore.MEMBER_COLUMNS
                        + ", m.show_upvotes FROM member m WHERE m.id = :id")
                .bind("id", memberId)
                .map((rs, ctx) -> new Profile(JdbiAccountStore.member(rs), rs.getBoolean("show_upvotes")))
                .findOne());
    }

    @Override
    public boolean setShowsUpvotes(long memberId, boolean shows) {
        return handles.write(h -> h.createUpdate("UPDATE member SET show_upvotes = :shows WHERE id = :id")
                .bind("shows", shows).bind("id", memberId).execute()) > 0;
    }
}
