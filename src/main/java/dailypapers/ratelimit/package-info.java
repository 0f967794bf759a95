/**
 * Rate limits whose counts live in the database, so that every app node sharing it enforces the same limit: a
 * feature asks {@link dailypapers.ratelimit.RateLimiter#check} before the work it limits, per member and per client
 * address. Start at {@link dailypapers.ratelimit.RateLimiter}.
 */
package dailypapers.ratelimit;
