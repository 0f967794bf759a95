package dailypapers.web;

import dailypapers.profile.Profile;
import dailypapers.web.ModerationViews.MemberActions;
import java.util.List;
import java.util.Optional;

/** The view records of a member's profile page and of its settings. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /**
     * The extension point of the profile page: each feature that has something to show about a member (their
     * submissions, confirmed papers, public collections, comments, upvoted papers when {@link Profile#showsUpvotes()})
     * gives one source to {@link Web}, which lists them in the order the page shows them. A source answers empty to
     * show nothing (the member has no public collections, or hides their upvotes).
     */
    @FunctionalInterface
    interface SectionSource {

        Optional<Section> section(Profile profile, Visitor visitor);
    }

    /** One titled list on a profile, rendered by tag/profile-section.jte. */
    public record Section(String title, List<Item> items, String moreHref) {

        public Section {
            items = List.copyOf(items);
        }
    }

    /** An entry of a section: a link with a line of detail (a date, a count); detail may be empty. */
    public record Item(String text, String href, String detail) {
    }

    /**
     * @param role           "Moderator" or "Admin" for staff, null for a member
     * @param suspendedUntil shown to moderators only; null otherwise or when not suspended
     * @param actions        a moderator's suspend and ban forms; null when the visitor may not act on the member
     * @param reportable     whether the visitor may report the member (signed in, someone else)
     */
    public record ProfileView(PageFrame frame, long memberId, String displayName, String handle, String role,
            String joined, boolean isOwn, String suspendedUntil, MemberActions actions, boolean reportable,
            List<Section> sections) {

        public ProfileView {
            sections = List.copyOf(sections);
        }
    }

    /** The profile settings form; {@code saved} after a change was stored. */
    public record ProfileSettingsView(PageFrame frame, String handle, boolean showsUpvotes, boolean saved) {
    }
}
