package dailypapers.web;

import dailypapers.submission.ClaimStore.ConfirmedAuthor;
import dailypapers.submission.MemberName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What members did with a paper, as its page shows it: who submitted it, and which byline names a moderator has
 * confirmed as members (a badge linking to their profile).
 *
 * @param submittedBy the member whose submission featured the paper, or null
 */
public record PaperMembers(LinkView submittedBy, Map<String, LinkView> confirmedAuthors) {

    public PaperMembers {
        confirmedAuthors = Map.copyOf(confirmedAuthors);
    }

    static PaperMembers of(Optional<MemberName> submitter, List<ConfirmedAuthor> confirmed) {
        return new PaperMembers(submitter.map(PaperMembers::link).orElse(null), confirmed.stream()
                .collect(Collectors.toMap(ConfirmedAuthor::authorName, c -> link(c.member()), (a, b) -> a)));
    }

    /** The member confirmed as the author of this byline name, or null. */
    public LinkView confirmedAuthor(String authorName) {
        return confirmedAuthors.get(authorName);
    }

    private static LinkView link(MemberName member) {
        return new LinkView(member.displayName(), Links.member(member.handle()));
    }
}
