package dailypapers.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream host, spoken to politely: requests start at least {@link HttpPolicy#minInterval()} apart, with
 * timeouts on connect and read, retries with exponential backoff and jitter on network errors, timeouts, 5xx and
 * malformed bodies, Retry-After honoured on 503 and 429, and a {@link CircuitBreaker} that stops hammering a host
 * that keeps failing. Harvesters sharing a host share its Upstream, so the politeness interval holds across them.
 *
 * <p>Callers never hold a lock while they wait or talk to the host. Each request first reserves the host's next
 * free start time (its slot) under a short lock, then sleeps until it: concurrent callers queue fairly in slot order,
 * and a Retry-After moves the host's next slot for everyone. A caller with a deadline (a member waiting on a lookup)
 * sees the queue and gives up at once when its slot would come too late, instead of waiting behind a harvest.
 */
public final class Upstream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);
    private static final String USER_AGENT = "DailyPapers/0.1 (self-hosted research-paper discovery; harvester)";
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final String name;
    private final HttpPolicy policy;
    private final HttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CircuitBreaker breaker;
    private final Object slots = new Object();
    /** The earliest time the next request may start; guarded by {@code slots}. */
    private Instant nextSlot = Instant.MIN;

    public Upstream(String name, HttpPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.name = name;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.breaker = new CircuitBreaker(policy.circuitFailures(), policy.circuitOpenFor(), clock);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A complete HTTP response with a 2xx status. */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** Turns a response body into a value; a body that is truncated or not what it should be is retried. */
    @FunctionalInterface
    public interface BodyParser<T> {
        T parse(Response response) throws MalformedResponse;
    }

    /** The body could not be read as the expected format (truncated, invalid XML or JSON). */
    public static final class MalformedResponse extends Exception {
        public MalformedResponse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public String name() {
        return name;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** GETs {@code uri} and parses the body, retrying as the policy says and waiting as long as politeness asks. */
    public <T> T get(URI uri, BodyParser<T> parser) throws HarvestException {
        return get(uri, parser, Instant.MAX, UNLIMITED);
    }

    /**
     * GETs a body of at most {@code maxBodyBytes}, as {@link #get(URI, BodyParser)} does: a larger one (by its
     * Content-Length or by what arrives) is cut off at once and fails with {@code TOO_LARGE}, without a retry. The
     * whole body, not only the headers, must arrive within the read timeout.
     */
    public <T> T get(URI uri, BodyParser<T> parser, long maxBodyBytes) throws HarvestException {
        return get(uri, parser, Instant.MAX, maxBodyBytes);
    }

    /**
     * GETs {@code uri} for someone waiting on the answer. Fails with {@code BUSY} as soon as it is clear that the
     * host cannot be asked before {@code deadline} has passed (its queue of requests or a Retry-After reaches past
     * it), and with {@code TIMEOUT} when no answer arrives by then; retries only while time is left. A timeout cut
     * short by the deadline does not count against the host's circuit breaker.
     */
    public <T> T get(URI uri, BodyParser<T> parser, Duration deadline) throws HarvestException {
        return get(uri, parser, clock.instant().plus(deadline), UNLIMITED);
    }

    private <T> T get(URI uri, BodyParser<T> parser, Instant deadline, long maxBodyBytes)
            throws HarvestException {
        int failures = 0;
        int retryAfterWaits = 0;
        while (true) {
            if (!breaker.tryAdmit()) {
                throw new HarvestException(HarvestException.Code.CIRCUIT_OPEN, name + " failed "
                        + policy.circuitFailures() + " times in a row; requests are held back until "
                        + breaker.openUntil());
            }
            HarvestException failure;
            Duration timeout = policy.readTimeout();
            try {
                waitForSlot(uri, deadline);
                timeout = timeoutBefore(uri, deadline);
                HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("User-Agent", USER_AGENT)
                        .GET().build(), timeout, maxBodyBytes);
                int status = response.statusCode();
                if (status == 503 || status == 429) {
                    Optional<Duration> retryAfter = retryAfter(response.headers());
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) <= 0
                            && retryAfterWaits < HttpPolicy.MAX_RETRY_AFTER_WAITS) {
                        retryAfterWaits++;
                        holdUntil(uri, clock.instant().plus(retryAfter.get()), deadline);
                        log.info("{}: {} asks to retry after {} s", name, status, retryAfter.get().toSeconds());
                        continue;
                    }
                }
                if (status >= 500 || status == 429) {
                    failure = new HarvestException(HarvestException.Code.SERVER_ERROR,
                            name + " answered HTTP " + status + " for " + uri);
                } else if (status >= 400) {
                    breaker.recordSuccess();
                    throw new HarvestException(HarvestException.Code.CLIENT_ERROR,
                            name + " refused " + uri + " with HTTP " + status);
                } else {
                    T value = parser.parse(new Response(uri, status, response.headers(), response.body()));
                    breaker.recordSuccess();
                    return value;
                }
            } catch (MalformedResponse e) {
                failure = new HarvestException(HarvestException.Code.MALFORMED_RESPONSE,
                        name + " sent a malformed response for " + uri + ": " + e.getMessage(), e);
            } catch (HttpTimeoutException e) {
                if (timeout.compareTo(policy.readTimeout()) < 0) {
                    throw new HarvestException(HarvestException.Code.TIMEOUT,
                            name + " did not answer " + uri + " within the caller's deadline", e);
                }
                failure = new HarvestException(HarvestException.Code.TIMEOUT,
                        name + " did not answer in time for " + uri + ": " + e.getMessage(), e);
            } catch (CappedBody.TooLarge e) {
                breaker.recordSuccess();
                throw new HarvestException(HarvestException.Code.TOO_LARGE, name + " sent too large a body for "
                        + uri + ": " + e.getMessage(), e);
            } catch (IOException e) {
                failure = new HarvestException(HarvestException.Code.NETWORK,
                        name + " could not be reached for " + uri + ": " + describe(e), e);
            } catch (InterruptedException e) {
                throw interrupted();
            }
            breaker.recordFailure();
            failures++;
            // The try that opens the circuit reports its own cause; later runs see CIRCUIT_OPEN.
            if (failures >= policy.maxAttempts() || breaker.state() == CircuitBreaker.State.OPEN) {
                throw failure;
            }
            Duration backoff = backoff(failures);
            if (!clock.instant().plus(backoff).isBefore(deadline)) {
                throw failure;
            }
            log.warn("{} (try {} of {}); retrying in {} ms", failure.getMessage(), failures, policy.maxAttempts(),
                    backoff.toMillis());
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
    }

    /**
     * Sends a request. A capped body is read asynchronously so that the wait for all of it, not only for the
     * headers, ends at the timeout; a body over the cap fails with {@link CappedBody.TooLarge}.
     */
    private HttpResponse<byte[]> send(HttpRequest request, Duration timeout, long maxBodyBytes)
            throws IOException, InterruptedException {
        if (maxBodyBytes == UNLIMITED) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request,
                CappedBody.handler(maxBodyBytes));
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CappedBody.TooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * Reserves the host's next free slot under the lock, then sleeps until it without the lock. A caller whose
     * slot would leave it no time before its deadline reserves nothing and fails at once.
     */
    private void waitForSlot(URI uri, Instant deadline) throws HarvestException, InterruptedException {
        Instant slot;
        synchronized (slots) {
            Instant now = clock.instant();
            slot = nextSlot.isAfter(now) ? nextSlot : now;
            if (!slot.isBefore(deadline)) {
                throw busy(uri, Duration.between(now, slot));
            }
            nextSlot = slot.plus(policy.minInterval());
        }
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
    }

    /** A Retry-After holds the whole host back, not only the caller that heard it. */
    private void holdUntil(URI uri, Instant until, Instant deadline) throws HarvestException {
        synchronized (slots) {
            if (until.isAfter(nextSlot)) {
                nextSlot = until;
            }
        }
        if (!until.isBefore(deadline)) {
            throw busy(uri, Duration.between(clock.instant(), until));
        }
    }

    /** The read timeout, cut short so the answer comes by the deadline. */
    private Duration timeoutBefore(URI uri, Instant deadline) throws HarvestException {
        Duration left = Duration.between(clock.instant(), deadline);
        if (!left.isPositive()) {
            throw new HarvestException(HarvestException.Code.TIMEOUT, "the caller's deadline passed before " + uri
                    + " could be asked");
        }
        return left.compareTo(policy.readTimeout()) < 0 ? left : policy.readTimeout();
    }

    private HarvestException busy(URI uri, Duration wait) {
        return new HarvestException(HarvestException.Code.BUSY, name + " is busy: " + uri + " could be asked in "
                + wait.toSeconds() + " s at the earliest, after the caller's deadline");
    }

    private HarvestException interrupted() {
        Thread.currentThread().interrupt();
        return new HarvestException(HarvestException.Code.INTERRUPTED, "interrupted while waiting for " + name);
    }

    /** Releases the HTTP client's connections and selector thread. */
    @Override
    public void close() {
        client.close();
    }

    /** base × 2^(tries−1), capped, with "equal jitter": half fixed, half random, so clients spread out. */
    Duration backoff(int failures) {
        long base = policy.backoffBase().toMillis();
        long capped = Math.min(policy.backoffMax().toMillis(), base << Math.min(failures - 1, 20));
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    /** Retry-After as seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unparsable) {
                return Optional.empty();
            }
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
