package dailypapers.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops hammering an upstream that keeps failing: after {@code threshold} failed tries in a row the circuit
 * opens and requests fail at once for {@code openFor}; then one trial request is let through (half open), and
 * its outcome closes or reopens the circuit. Safe for concurrent callers: of several callers that arrive while the
 * circuit is half open, only one gets the trial.
 */
public final class CircuitBreaker {

    /** The breaker's state, for the status page. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /**
     * Admits a request, or refuses it while the circuit is open. Taking the half-open trial holds the circuit open
     * for another {@code openFor}, so the others keep failing fast until the trial's outcome is recorded; a trial
     * that is abandoned (interrupted, given up) costs one more wait, never a stuck circuit.
     */
    public synchronized boolean tryAdmit() {
        if (openUntil == null) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            return false;
        }
        openUntil = now.plus(openFor);
        return true;
    }

    public synchronized void recordSuccess() {
        failures = 0;
        openUntil = null;
    }

    public synchronized void recordFailure() {
        failures++;
        if (failures >= threshold || openUntil != null) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    public synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }

    /** When an open circuit lets the next trial request through; null when closed. */
    public synchronized Instant openUntil() {
        return openUntil;
    }
}
