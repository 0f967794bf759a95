package dailypapers.vote;

import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;

/** Upvotes: wires the vote service from the paper and vote stores and their transactions; no jobs. */
public final class VoteModule {

    private final VoteService service;

    public VoteModule(Transactions<VoteTx> transactions, PaperStore papers, VoteStore votes) {
        this.service = new VoteService(transactions, papers, votes);
    }

    public VoteService service() {
        return service;
    }
}
