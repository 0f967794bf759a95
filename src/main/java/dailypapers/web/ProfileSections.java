package dailypapers.web;

import dailypapers.comment.Comment;
import dailypapers.comment.CommentService;
import dailypapers.library.LibraryService;
import dailypapers.paper.PaperEntry;
import dailypapers.profile.Profile;
import dailypapers.submission.ClaimService;
import dailypapers.submission.SubmissionService;
import dailypapers.text.Messages;
import dailypapers.vote.VoteService;
import dailypapers.web.ProfileViews.Item;
import dailypapers.web.ProfileViews.Section;
import dailypapers.web.ProfileViews.SectionSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The sections of a member's profile, in the order the page shows them: their submissions, the papers they are a
 * confirmed author of, their public collections, their recent visible comments and, when they chose to show them,
 * the papers they upvoted. Each section is one read of its feature; an empty one is left out.
 */
final class ProfileSections {

    /** How many entries a section lists. */
    static final int MAX_ITEMS = 10;

    private ProfileSections() {
    }

    static List<SectionSource> of(SubmissionService submissions, ClaimService claims, LibraryService libraries,
            CommentService comments, VoteService votes) {
        return List.of(
                (profile, visitor) -> section("Submitted papers",
                        papers(submissions.submittedPapers(profile.member().id(), MAX_ITEMS))),
                (profile, visitor) -> section("Author of",
                        papers(claims.confirmedPapers(profile.member().id(), MAX_ITEMS))),
                (profile, visitor) -> section("Public collections",
                        libraries.publicCollections(profile.member().id()).stream()
                                .map(c -> new Item(c.name().value(), LibraryLinks.collection(c),
                                        c.papers() == 1 ? "1 paper" : c.papers() + " papers"))
                                .toList()),
                (profile, visitor) -> section("Recent comments",
                        comments.latestBy(profile.member().id(), MAX_ITEMS).stream()
                                .map(ProfileSections::comment).toList()),
                (profile, visitor) -> profile.showsUpvotes()
                        ? section("Upvoted papers", votes.upvotedBy(profile.member().id(), 0, MAX_ITEMS).items()
                                .stream().map(u -> paper(u.entry())).toList())
                        : Optional.empty());
    }

    private static Optional<Section> section(String title, List<Item> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(new Section(title, items, null));
    }

    private static List<Item> papers(List<PaperEntry> entries) {
        return entries.stream().map(ProfileSections::paper).toList();
    }

    private static Item paper(PaperEntry entry) {
        return new Item(entry.paper().title(), Links.paper(entry.paper().id()), "arXiv:" + entry.paper().id().value());
    }

    private static Item comment(Comment comment) {
        return new Item(Messages.abbreviate(comment.source()),
                Links.paper(comment.paperId()) + "#comment-" + comment.id(),
                "on arXiv:" + comment.paperId().value() + ", " + day(comment.createdAt()));
    }

    private static String day(Instant at) {
        return DateText.full(at.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
