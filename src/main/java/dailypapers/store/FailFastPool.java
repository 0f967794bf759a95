package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HikariCP's pool, failing fast while the database is down. HikariCP alone makes every caller wait its whole
 * connection timeout while it tries to connect in the background. Here, once a caller has waited that long for
 * nothing, the database counts as down, and callers fail at once with the last failure unless the pool has a
 * connection again (its background attempts got one: the database is back) or a trial is due: one caller per
 * connection timeout waits as before, in case the pool stopped trying. Only a wait that ends with a failed attempt
 * to connect trips it: a pool merely busy with slow work, its connections sound, keeps every caller waiting as usual.
 */
final class FailFastPool extends HikariDataSource {

    /** SQLSTATE class 08, connection exception: what {@link Database#isUnavailable} looks for. */
    static final String UNREACHABLE = "08001";

    private final AtomicBoolean trying = new AtomicBoolean();
    /** Why the last wait failed, while no connection has been had since; null while the database answers. */
    private volatile String down;
    /** When a caller may next wait for a connection while the database is down ({@link System#nanoTime()}). */
    private volatile long nextTrial;

    FailFastPool(HikariConfig config) {
        super(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        String fault = down;
        boolean trial = false;
        if (fault != null && getHikariPoolMXBean().getIdleConnections() == 0) {
            if (System.nanoTime() - nextTrial < 0 || !trying.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException("the database is unreachable: " + fault, UNREACHABLE);
            }
            trial = true;
        }
        try {
            Connection connection = super.getConnection();
            if (fault != null) {
                down = null;
            }
            return connection;
        } catch (SQLTransientConnectionException e) {
            // HikariCP attaches the last failed attempt to connect, and forgets it once one succeeds.
            if (e.getCause() != null) {
                nextTrial = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(getConnectionTimeout());
                down = rootMessage(e);
            }
            throw e;
        } finally {
            if (trial) {
                trying.set(false);
            }
        }
    }
}
