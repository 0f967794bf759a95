package dailypapers.comment;

import dailypapers.paper.Transactions;
import java.time.Clock;

/** Comments: wires the comment service from its store and transactions; no jobs. */
public final class CommentModule {

    private final CommentService service;

    public CommentModule(CommentStore store, Transactions<CommentStore> transactions, Clock clock) {
        this.service = new CommentService(store, transactions, clock);
    }

    public CommentService service() {
        return service;
    }
}
