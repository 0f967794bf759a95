package dailypapers.web;

import dailypapers.submission.ClaimStore.ConfirmedAuthor;
import dailypapers.submission.FeaturedBy;
import dailypapers.submission.MemberName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What members did with a paper, as its page shows it: who submitted it, which byline names a moderator has
 * confirmed as members (a badge linking to their profile), and the visitor's own claim.
 *
 * @param submittedBy      the member whose submission featured the paper, or null
 * @param hideSubmission   where a moderator posts to hide that submission; null for other visitors or without one
 * @param claim            the claim form or the visitor's claims
 */
public record PaperMembers(LinkView submittedBy, String hideSubmission, Map<String, LinkView> confirmedAuthors,
        ClaimPanel claim) {

    public PaperMembers {
        confirmedAuthors = Map.copyOf(confirmedAuthors);
    }

    static PaperMembers of(Optional<FeaturedBy> featured, List<ConfirmedAuthor> confirmed, boolean isModerator,
            ClaimPanel claim) {
        Optional<Long> submission = featured.flatMap(FeaturedBy::submission);
        return new PaperMembers(featured.flatMap(FeaturedBy::member).map(PaperMembers::link).orElse(null),
                isModerator ? submission.map(Links::hideSubmission).orElse(null) : null,
                confirmed.stream().collect(Collectors.toMap(ConfirmedAuthor::authorName, c -> link(c.member()),
                        (a, b) -> a)),
                claim);
    }

    /** The member confirmed as the author of this byline name, or null. */
    public LinkView confirmedAuthor(String authorName) {
        return confirmedAuthors.get(authorName);
    }

    private static LinkView link(MemberName member) {
        return new LinkView(member.displayName(), Links.member(member.handle()));
    }
}
