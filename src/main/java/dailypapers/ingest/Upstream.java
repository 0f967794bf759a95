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
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream host, spoken to politely: at most one request per {@link HttpPolicy#minInterval()}, timeouts on
 * connect and read, retries with exponential backoff and jitter on network errors, timeouts, 5xx and malformed
 * bodies, Retry-After honoured on 503 and 429, and a {@link CircuitBreaker} that stops hammering a host that keeps
 * failing. Harvesters sharing a host share its Upstream, so the politeness interval holds across them.
 */
public final class Upstream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);
    private static final String USER_AGENT = "DailyPapers/0.1 (self-hosted research-paper discovery; harvester)";

    private final String name;
    private final HttpPolicy policy;
    private final HttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CircuitBreaker breaker;
    private Instant lastRequestAt;

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

    /** GETs {@code uri} and parses the body, retrying as the policy says; serialised per upstream. */
    public synchronized <T> T get(URI uri, BodyParser<T> parser) throws HarvestException {
        int failures = 0;
        int retryAfterWaits = 0;
        while (true) {
            if (!breaker.allowsRequest()) {
                throw new HarvestException(HarvestException.Code.CIRCUIT_OPEN, name + " failed "
                        + policy.circuitFailures() + " times in a row; requests are held back until "
                        + breaker.openUntil());
            }
            HarvestException failure;
            try {
                waitPolitely();
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(policy.readTimeout())
                        .header("User-Agent", USER_AGENT)
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 503 || status == 429) {
                    Optional<Duration> retryAfter = retryAfter(response.headers());
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) <= 0
                            && retryAfterWaits < HttpPolicy.MAX_RETRY_AFTER_WAITS) {
                        retryAfterWaits++;
                        log.info("{}: {} asks to retry after {} s", name, status, retryAfter.get().toSeconds());
                        sleeper.sleep(retryAfter.get());
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
                failure = new HarvestException(HarvestException.Code.TIMEOUT,
                        name + " did not answer in time for " + uri + ": " + e.getMessage(), e);
            } catch (IOException e) {
                failure = new HarvestException(HarvestException.Code.NETWORK,
                        name + " could not be reached for " + uri + ": " + describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarvestException(HarvestException.Code.INTERRUPTED, "interrupted while harvesting " + name);
            }
            breaker.recordFailure();
            failures++;
            // The try that opens the circuit reports its own cause; later runs see CIRCUIT_OPEN.
            if (failures >= policy.maxAttempts() || !breaker.allowsRequest()) {
                throw failure;
            }
            Duration backoff = backoff(failures);
            log.warn("{} (try {} of {}); retrying in {} ms", failure.getMessage(), failures, policy.maxAttempts(),
                    backoff.toMillis());
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarvestException(HarvestException.Code.INTERRUPTED, "interrupted while harvesting " + name);
            }
        }
    }

    private void waitPolitely() throws InterruptedException {
        if (lastRequestAt != null) {
            Duration since = Duration.between(lastRequestAt, clock.instant());
            Duration wait = policy.minInterval().minus(since);
            if (wait.isPositive()) {
                sleeper.sleep(wait);
            }
        }
        lastRequestAt = clock.instant();
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
