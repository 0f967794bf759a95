package dailypapers.submission;

import dailypapers.ingest.arxiv.ArxivApi;
import dailypapers.moderation.AuditLog;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import java.time.Clock;

/** Submissions and authorship claims: wires both services from their stores; no jobs. */
public final class SubmissionModule {

    private final SubmissionService submissions;
    private final ClaimService claims;

    public SubmissionModule(SubmissionSettings settings, PaperStore papers, SubmissionStore submissionStore,
            ClaimStore claimStore, ArxivApi arxiv, AuditLog audit, Transactions<SubmissionTx> transactions,
            Clock clock) {
        this.submissions = new SubmissionService(settings, papers, submissionStore, claimStore, arxiv, audit,
                transactions, clock);
        this.claims = new ClaimService(papers, claimStore, audit, transactions, clock);
    }

    public SubmissionService submissions() {
        return submissions;
    }

    public ClaimService claims() {
        return claims;
    }
}
