package dailypapers.ratelimit;

import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import java.time.Clock;
import java.time.Duration;

/** Rate limits: the limiter over its store, and the job that forgets idle buckets. */
public final class RateLimitModule {

    /** Buckets idle this long are forgotten; longer than any window a feature uses. */
    static final Duration KEEP = Duration.ofDays(2);
    static final String SWEEP_JOB = "rate-limit-sweep";

    private final RateLimiter limiter;

    public RateLimitModule(RateLimitStore store, Clock clock, JobScheduler jobs) {
        this.limiter = new RateLimiter(store, clock);
        jobs.add(new Job(SWEEP_JOB, SWEEP_JOB, Duration.ofMinutes(5), Duration.ofHours(1), Job.Stopping.SIGNAL,
                () -> store.sweep(clock.instant().minus(KEEP))));
    }

    public RateLimiter limiter() {
        return limiter;
    }
}
