package dailypapers.mail;

import static dailypapers.text.Messages.rootMessage;

import dailypapers.job.Backoff;
import dailypapers.job.Job;
import dailypapers.mail.OutboxStore.Queued;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due rows from the outbox under the job's lease (one node sends), batch after batch until none is due
 * or the job is asked to stop. The state machine and its one window are described in docs/mail.md.
 *
 * <p>Each row is claimed (marked sending, the attempt counted, committed) before it is rendered and handed to the
 * transport, and marked sent after. A temporary failure puts it back to retry after a backoff that doubles from
 * {@link #FIRST_RETRY} up to {@link #MAX_RETRY}; after {@link #MAX_ATTEMPTS} attempts, or at once for a permanent
 * failure, it is failed (and its kind told the address is undeliverable). A process that dies between the
 * hand-over and the mark leaves the row sending; the next run puts it back to retry, due at once, and sends it
 * again with the same id, hence the same Message-ID: the message may have gone, but a lost digest is worse than
 * a repeat a receiver can recognise. A row whose domain had its share of the current minute waits for the next
 * without an attempt counted. No row is lost: every one stays, with its state and last error.
 */
public final class MailJob implements Job.Task {

    private static final Logger log = LoggerFactory.getLogger(MailJob.class);

    public static final int MAX_ATTEMPTS = 8;
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    public static final Duration MAX_RETRY = Duration.ofHours(2);
    static final int BATCH_SIZE = 200;

    private final OutboxStore store;
    private final MailTransport transport;
    private final Clock clock;
    private final DomainRate rate;
    private final Map<String, MailKind> kinds = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    MailJob(OutboxStore store, MailTransport transport, Clock clock, DomainRate rate) {
        this.store = store;
        this.transport = transport;
        this.clock = clock;
        this.rate = rate;
    }

    /** Rows of {@code kind} are rendered by {@code mailKind} when sent; until it is registered they wait. */
    void register(String kind, MailKind mailKind) {
        if (kind.isBlank() || kind.equals(OutboxStore.MESSAGE)) {
            throw new IllegalArgumentException("a mail kind needs a name of its own, not '" + kind + "'");
        }
        if (kinds.putIfAbsent(kind, mailKind) != null) {
            throw new IllegalStateException("mail kind " + kind + " is registered already");
        }
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
    synchronized int deliver() {
        int resumed = store.resumeInterrupted(clock.instant());
        if (resumed > 0) {
            log.warn("{} messages were being sent when a process stopped; sending them again with the same "
                    + "Message-ID", resumed);
        }
        Set<String> sendable = new HashSet<>(kinds.keySet());
        sendable.add(OutboxStore.MESSAGE);
        store.dueByKind(clock.instant()).forEach((kind, count) -> {
            if (!sendable.contains(kind)) {
                log.warn("{} mails of kind {} are due but nothing renders that kind; they wait", count, kind);
            }
        });
        int sent = 0;
        try {
            List<Queued> batch;
            while (!stopping && !(batch = store.due(clock.instant(), sendable, BATCH_SIZE)).isEmpty()) {
                sent += deliverBatch(batch);
            }
        } finally {
            transport.disconnect();
        }
        if (sent > 0) {
            log.info("{} mails sent via {}", sent, transport.describe());
        }
        return sent;
    }

    private int deliverBatch(List<Queued> batch) {
        int sent = 0;
        List<String> postponed = new ArrayList<>();
        Instant postponedUntil = null;
        for (Queued queued : batch) {
            if (stopping) {
                break;
            }
            Instant now = clock.instant();
            if (!rate.take(queued.recipient(), now)) {
                postponed.add(queued.id());
                postponedUntil = postponedUntil == null ? DomainRate.nextWindow(now) : postponedUntil;
            } else if (store.claim(queued.id(), now) && deliver(queued)) {
                sent++;
            }
        }
        if (!postponed.isEmpty()) {
            store.postpone(postponed, postponedUntil, clock.instant());
        }
        return sent;
    }

    /** Renders and sends one claimed row; true when it was sent. */
    private boolean deliver(Queued queued) {
        int attempt = queued.attempts() + 1;
        Optional<Message> message;
        try {
            message = render(queued);
        } catch (RuntimeException e) {
            log.warn("mail {} of kind {} could not be rendered", queued.id(), queued.kind(), e);
            failed(queued, attempt, new MailException("cannot render: " + rootMessage(e), e));
            return false;
        }
        if (message.isEmpty()) {
            store.cancel(queued.id(), clock.instant());
            return false;
        }
        try {
            transport.deliver(queued.id(), message.get());
        } catch (MailException e) {
            failed(queued, attempt, e);
            return false;
        } catch (RuntimeException e) {
            // A transport's bug must not leave the row sending, to be resent by every run without a limit.
            log.warn("mail {}: unexpected failure in {}", queued.id(), transport.describe(), e);
            failed(queued, attempt, new MailException("unexpected failure: " + rootMessage(e), e));
            return false;
        }
        store.markSent(queued.id(), clock.instant());
        return true;
    }

    private Optional<Message> render(Queued queued) {
        return queued.message().isPresent() ? queued.message()
                : kinds.get(queued.kind()).render(queued.id(), queued.payload().orElseThrow());
    }

    private void failed(Queued queued, int attempt, MailException e) {
        Instant now = clock.instant();
        String error = e.getMessage();
        if (e.permanent()) {
            store.markFailed(queued.id(), error, now);
            log.warn("mail {} refused for good: {}", queued.id(), error);
            if (e.addressRefused()) {
                undeliverable(queued, error);
            }
        } else if (attempt >= MAX_ATTEMPTS) {
            store.markFailed(queued.id(), error, now);
            log.warn("mail {} failed for good after {} attempts: {}", queued.id(), attempt, error);
        } else {
            Instant next = now.plus(backoff(attempt));
            store.retry(queued.id(), error, next, now);
            log.info("mail {} not delivered (attempt {}): {}; next attempt after {}", queued.id(), attempt, error,
                    next);
        }
    }

    /** Tells the row's kind, after the row is failed: a kind that throws is logged, the run goes on. */
    private void undeliverable(Queued queued, String reason) {
        MailKind kind = kinds.get(queued.kind());
        if (kind == null) {
            return;
        }
        try {
            kind.undeliverable(queued.recipient(), queued.payload().orElseThrow(), reason);
        } catch (RuntimeException e) {
            log.error("mail kind {} could not record that {} is undeliverable", queued.kind(), queued.id(), e);
        }
    }

    /** The wait after the n-th failed attempt: {@link #FIRST_RETRY} doubled per earlier failure, capped. */
    static Duration backoff(int attempts) {
        return Backoff.doubling(FIRST_RETRY, MAX_RETRY, attempts);
    }
}
