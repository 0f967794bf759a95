package dailypapers.web;

import dailypapers.submission.ClaimStore.PendingClaim;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The moderators' queue of authorship claims ({@code /moderation/claims}), oldest first, each with confirm and
 * reject forms.
 *
 * @param error why the last decision was refused, or null
 */
public record ClaimsView(PageFrame frame, List<Row> claims, String error) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public ClaimsView {
        claims = List.copyOf(claims);
    }

    /**
     * One pending claim.
     *
     * @param isOwn the moderator's own claim, which another moderator decides
     */
    public record Row(long id, LinkView paper, LinkView member, String authorName, String claimedAt,
            String confirmAction, String rejectAction, boolean isOwn) {
    }

    static ClaimsView of(List<PendingClaim> pending, long moderatorId, String error) {
        return new ClaimsView(PageFrame.plain("Authorship claims — Daily Papers"), pending.stream()
                .map(p -> new Row(p.claim().id(), new LinkView(p.paperTitle(), Links.paper(p.claim().paper())),
                        new LinkView(p.member().displayName() + " (@" + p.member().handle() + ")",
                                Links.member(p.member().handle())),
                        p.claim().authorName(), WHEN.format(p.claim().createdAt()),
                        Links.claimDecision(p.claim().id(), "confirm"), Links.claimDecision(p.claim().id(), "reject"),
                        p.member().id() == moderatorId))
                .toList(), error);
    }
}
