package dailypapers.store;

import dailypapers.account.AccountStore;
import dailypapers.comment.CommentStore;
import dailypapers.digest.SubscriptionStore;
import dailypapers.ingest.CheckpointStore;
import dailypapers.mail.OutboxStore;
import dailypapers.moderation.AuditStore;
import dailypapers.moderation.ModerationStore;
import dailypapers.paper.PaperStore;
import dailypapers.search.SearchStore;
import dailypapers.search.VectorStore;
import dailypapers.vote.VoteStore;
import dailypapers.submission.ClaimStore;
import dailypapers.submission.SubmissionStore;

/**
 * The stores of one {@link JdbiTransactions} transaction: every call on them runs on the transaction's handle.
 * Features are handed a {@link dailypapers.paper.Transactions#view view} of the ones they use.
 */
public record StoreTx(PaperStore papers, VectorStore vectors, SearchStore search, CheckpointStore checkpoints,
        OutboxStore outbox, AuditStore audit, AccountStore accounts,
        VoteStore votes, SubmissionStore submissions, ClaimStore claims,
        CommentStore comments, ModerationStore moderation, SubscriptionStore subscriptions) {
}
