package dailypapers.submission;

import dailypapers.paper.PaperStore;

/** The stores a submission or a moderator's decision writes in one transaction. */
public record SubmissionTx(PaperStore papers, SubmissionStore submissions, ClaimStore claims) {
}
