package dailypapers.web;

import dailypapers.paper.PaperEntry;
import dailypapers.submission.SubmissionModule;
import java.util.List;

/**
 * A member's papers for their profile ({@code tag/member-papers.jte}): those a moderator confirmed them as an author
 * of, and those their visible submissions featured, newest first.
 */
public record MemberPapers(List<LinkView> authored, List<LinkView> submitted) {

    /** How many of each the profile lists. */
    static final int LIMIT = 50;

    public MemberPapers {
        authored = List.copyOf(authored);
        submitted = List.copyOf(submitted);
    }

    static MemberPapers of(SubmissionModule submissions, long memberId) {
        return new MemberPapers(links(submissions.claims().confirmedPapers(memberId, LIMIT)),
                links(submissions.submissions().submittedPapers(memberId, LIMIT)));
    }

    private static List<LinkView> links(List<PaperEntry> entries) {
        return entries.stream().map(e -> new LinkView(e.paper().title(), Links.paper(e.paper().id()))).toList();
    }
}
