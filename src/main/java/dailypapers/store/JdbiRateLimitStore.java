package dailypapers.store;

import dailypapers.ratelimit.RateLimitStore;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link RateLimitStore} on the rate_limit table: one upsert per hit, which SQLite runs under its write lock and
 * PostgreSQL under the bucket row's lock, so concurrent hits on any node are each counted once.
 */
public final class JdbiRateLimitStore implements RateLimitStore {

    private final HandleSource handles;

    public JdbiRateLimitStore(Database database) {
        this.handles = HandleSource.of(database);
    }

    @Override
    public Window hit(String bucket, Instant now, Duration window) {
        long nowMs = now.toEpochMilli();
        return handles.write(h -> h.createQuery("""
                        INSERT INTO rate_limit (bucket, window_start, hits) VALUES (:bucket, :now, 1)
                        ON CONFLICT (bucket) DO UPDATE SET
                            hits = CASE WHEN rate_limit.window_start <= :expired THEN 1
                                        ELSE rate_limit.hits + 1 END,
                            window_start = CASE WHEN rate_limit.window_start <= :expired THEN :now
                                                ELSE rate_limit.window_start END
                        RETURNING window_start, hits""")
                .bind("bucket", bucket)
                .bind("now", nowMs)
                .bind("expired", nowMs - window.toMillis())
                .map((rs, ctx) -> new Window(Instant.ofEpochMilli(rs.getLong("window_start")), rs.getInt("hits")))
                .one());
    }

    @Override
    public int sweep(Instant before) {
        return handles.write(h -> h.createUpdate("DELETE FROM rate_limit WHERE window_start < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }
}
