package dailypapers.store;

import dailypapers.feed.TrendingScore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V26: the trending score on each featured row ({@code featured.trending}), backfilled, and the index trending
 * pages walk. In Java rather than SQL so the backfill computes with {@link TrendingScore} itself, the score's only
 * home: the two dialects' logarithms and date arithmetic would differ from it in the last bits, and papers that
 * should tie (same upvotes, same instant) would then be ordered by rounding instead of by id.
 */
final class TrendingScoreMigration implements JavaMigration {

    /** Rows read and written per round, so a large table is never held in memory at once. */
    private static final int ROWS_PER_ROUND = 10_000;

    private final boolean sqlite;

    TrendingScoreMigration(boolean sqlite) {
        this.sqlite = sqlite;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("26");
    }

    @Override
    public String getDescription() {
        return "featured trending score";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            // SQLite adds a NOT NULL column only with a default; every writer sets the score.
            statement.execute("ALTER TABLE featured ADD COLUMN trending DOUBLE PRECISION NOT NULL DEFAULT 0");
        }
        backfill(connection);
        try (Statement statement = connection.createStatement()) {
            // Trending pages read ids in score order and check the day window in the index alone.
            statement.execute("CREATE INDEX featured_trending ON featured (trending DESC, paper_id DESC, day)");
            if (!sqlite) {
                // A writer that forgot the score fails here instead of ranking its paper last (SQLite cannot drop
                // a default without rebuilding the table).
                statement.execute("ALTER TABLE featured ALTER COLUMN trending DROP DEFAULT");
            }
        }
    }

    /** Scores every featured row, in rounds by id. */
    private static void backfill(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT paper_id, upvotes, featured_at FROM featured WHERE paper_id > ? ORDER BY paper_id LIMIT ?");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE featured SET trending = ? WHERE paper_id = ?")) {
            String after = "";
            int read;
            do {
                select.setString(1, after);
                select.setInt(2, ROWS_PER_ROUND);
                read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getString("paper_id");
                        update.setDouble(1, TrendingScore.score(rows.getInt("upvotes"),
                                Instant.parse(rows.getString("featured_at"))));
                        update.setString(2, after);
                        update.addBatch();
                        read++;
                    }
                }
                update.executeBatch();
            } while (read == ROWS_PER_ROUND);
        }
    }
}
