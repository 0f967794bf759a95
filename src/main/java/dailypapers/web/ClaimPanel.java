package dailypapers.web;

import dailypapers.paper.ArxivId;
import dailypapers.submission.Claim;
import dailypapers.submission.ClaimState;
import java.util.List;

/**
 * "Are you an author?" on a paper page: a signed-in member picks their name from the byline and claims it; their
 * claims so far say where they stand. An anonymous visitor is asked to sign in first.
 *
 * @param action   where the claim form posts
 * @param selected the name picked in the last try, or null
 * @param error    why the last try was refused, or null
 * @param statuses the member's claims on this paper, newest first, in words
 * @param canClaim false while the member has a pending or confirmed claim on the paper
 */
public record ClaimPanel(boolean signedIn, String signInHref, String action, List<String> authors, String selected,
        String error, List<String> statuses, boolean canClaim) {

    public ClaimPanel {
        authors = List.copyOf(authors);
        statuses = List.copyOf(statuses);
    }

    static ClaimPanel anonymous(ArxivId paper) {
        return new ClaimPanel(false, Links.signIn(Links.paper(paper)), Links.claims(paper),
                List.of(), null, null, List.of(), false);
    }

    static ClaimPanel member(ArxivId paper, List<String> authors, List<Claim> claims, String selected, String error) {
        return new ClaimPanel(true, null, Links.claims(paper), authors.stream().distinct().toList(), selected, error,
                claims.stream().map(ClaimPanel::status).toList(),
                claims.stream().noneMatch(c -> c.state() != ClaimState.REJECTED));
    }

    /** Whether {@code author} is the name to show selected in the form. */
    public boolean isSelected(String author) {
        return author.equals(selected);
    }

    private static String status(Claim claim) {
        return switch (claim.state()) {
            case PENDING -> "You claimed to be " + claim.authorName() + "; a moderator will confirm or reject it.";
            case CONFIRMED -> "A moderator confirmed that you are " + claim.authorName() + ".";
            case REJECTED -> "A moderator rejected your claim to be " + claim.authorName() + ".";
        };
    }
}
