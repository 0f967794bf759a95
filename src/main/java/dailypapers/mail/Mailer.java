package dailypapers.mail;

import dailypapers.paper.Transactions;
import java.time.Clock;

/**
 * What features call to send mail, from any thread, a request's included: a message is only stored in the outbox,
 * in the caller's transaction when there is one (so a message about a change exists exactly when the change
 * does); the {@value MailModule#JOB} job delivers it.
 */
public final class Mailer {

    private final Transactions<OutboxStore> outbox;
    private final Clock clock;

    public Mailer(Transactions<OutboxStore> outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues the message; returns its outbox id. */
    public String send(Message message) {
        return outbox.inTransaction(store -> store.add(message, clock.instant()));
    }
}
