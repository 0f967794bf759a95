package dailypapers.mail;

import dailypapers.job.Backoff;
import dailypapers.job.Job;
import dailypapers.mail.OutboxStore.Queued;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due messages from the outbox, a bounded batch per run, under the job's lease (one node sends).
 *
 * <p>Delivery is at most once. Each message is claimed (marked sending, committed) before it is handed to the
 * transport and marked sent after; a failure the transport reports queues it again after a backoff that doubles
 * from {@link #FIRST_RETRY} up to {@link #MAX_RETRY}, and after {@link #MAX_ATTEMPTS} attempts it is failed. A
 * process that dies between the hand-over and the mark leaves the row sending; the next run, holding the same
 * lease, marks such rows failed rather than sending them again: the message may have gone, and a second
 * sign-in link or digest is worse than a visible failure the member can answer by asking again. No message is
 * lost: every row stays, with its state and last error.
 */
public final class MailJob implements Job.Task {

    private static final Logger log = LoggerFactory.getLogger(MailJob.class);

    public static final int MAX_ATTEMPTS = 8;
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    public static final Duration MAX_RETRY = Duration.ofHours(2);
    static final int BATCH_SIZE = 50;
    static final String INTERRUPTED = "delivery was interrupted (the process stopped); not retried, as it may have"
            + " been sent";

    private final OutboxStore store;
    private final MailTransport transport;
    private final Clock clock;
    private volatile boolean stopping;

    public MailJob(OutboxStore store, MailTransport transport, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public void run() {
        deliver();
    }

    /** Shutdown: the run ends after the message in hand, which is marked, so no row is left sending. */
    @Override
    public void stop() {
        stopping = true;
    }

    /** One run; returns how many messages were sent. */
    int deliver() {
        int interrupted = store.failInterrupted(INTERRUPTED, clock.instant());
        if (interrupted > 0) {
            log.warn("{} messages were being sent when a process stopped; marked failed", interrupted);
        }
        int sent = 0;
        for (Queued queued : store.due(clock.instant(), BATCH_SIZE)) {
            if (stopping) {
                break;
            }
            if (store.claim(queued.id(), clock.instant()) && deliver(queued)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Queued queued) {
        int attempt = queued.attempts() + 1;
        try {
            transport.deliver(queued.id(), queued.message());
        } catch (MailException e) {
            Instant now = clock.instant();
            String error = e.getMessage();
            if (attempt >= MAX_ATTEMPTS) {
                store.markFailed(queued.id(), error, now);
                log.warn("mail {} failed for good after {} attempts: {}", queued.id(), attempt, error);
            } else {
                Instant next = now.plus(backoff(attempt));
                store.retry(queued.id(), error, next, now);
                log.info("mail {} not delivered (attempt {}): {}; next attempt after {}", queued.id(), attempt,
                        error, next);
            }
            return false;
        }
        store.markSent(queued.id(), clock.instant());
        log.info("mail {} sent via {}", queued.id(), transport.describe());
        return true;
    }

    /** The wait after the n-th failed attempt: {@link #FIRST_RETRY} doubled per earlier failure, capped. */
    static Duration backoff(int attempts) {
        return Backoff.doubling(FIRST_RETRY, MAX_RETRY, attempts);
    }
}
