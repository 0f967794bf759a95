package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestDatabase;
import dailypapers.paper.FeaturedQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

class SqlitePaperStoreIT extends PaperStoreContract {

    SqlitePaperStoreIT() {
        super(TestDatabase.SQLITE);
    }

    /**
     * SQLite plans without statistics (nothing runs ANALYZE), so its plan is the same on any data: the trending
     * window's page must be the first rows of featured_trending, not the window's rows gathered and sorted.
     */
    @Test
    void theTrendingWindowsPageIsReadFromTheTrendingIndexInOrder() {
        List<String> statements = new CopyOnWriteArrayList<>();
        database().jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });

        store.featured(new FeaturedQuery(LocalDate.of(2026, 8, 15), FeaturedQuery.END, Optional.empty(),
                FeaturedQuery.Order.TRENDING), 0, 30);

        String page = statements.stream().filter(sql -> sql.contains("ORDER BY f.trending")).findFirst()
                .orElseThrow();
        assertThat(plan(page)).anySatisfy(step -> assertThat(step).startsWith("SEARCH f USING COVERING INDEX "
                + "featured_trending (trending>?)")).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    /** SQLite's plan of a statement; its named parameters stay unbound, which a plan does not need. */
    private List<String> plan(String sql) {
        return database().jdbi().withHandle(h -> {
            try (Statement statement = h.getConnection().createStatement();
                    ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                List<String> steps = new ArrayList<>();
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
                return steps;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
