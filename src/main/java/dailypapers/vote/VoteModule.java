package dailypapers.vote;

import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import java.time.Clock;

/** Upvotes: wires the vote service from the paper and vote stores and their transactions; no jobs. */
public final class VoteModule {

    private final VoteService service;

    public VoteModule(Transactions<VoteTx> transactions, PaperStore papers, VoteStore votes, Clock clock) {
        this.service = new VoteService(transactions, papers, votes, clock);
    }

    public VoteService service() {
        return service;
    }
}
