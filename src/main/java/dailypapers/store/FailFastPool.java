package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HikariCP's pool, failing fast while the database is down. HikariCP alone makes every caller wait its whole
 * connection timeout while it retries in the background. Here, once a caller has waited that long for nothing, the
 * database counts as down: other callers fail at once with the last failure, while one caller at a time (a request,
 * a job, a readiness probe) waits for a connection as a trial; the first connection it gets means the database is
 * back. A pool exhausted by slow work trips it too, which sheds that load the same way until a connection frees up.
 */
final class FailFastPool extends HikariDataSource {

    /** SQLSTATE class 08, connection exception: what {@link Database#isUnavailable} looks for. */
    static final String UNREACHABLE = "08001";

    private final AtomicBoolean trying = new AtomicBoolean();
    /** Why the last wait failed, while no connection has been had since; null while the database answers. */
    private volatile String down;

    FailFastPool(HikariConfig config) {
        super(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        String fault = down;
        boolean trial = fault != null;
        if (trial && !trying.compareAndSet(false, true)) {
            throw new SQLTransientConnectionException("the database is unreachable: " + fault, UNREACHABLE);
        }
        try {
            Connection connection = super.getConnection();
            down = null;
            return connection;
        } catch (SQLTransientConnectionException e) {
            down = rootMessage(e);
            throw e;
        } finally {
            if (trial) {
                trying.set(false);
            }
        }
    }
}
