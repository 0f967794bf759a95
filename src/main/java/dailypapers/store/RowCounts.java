package dailypapers.store;

import org.jdbi.v3.core.Handle;

/**
 * Reads the row counts that triggers keep in the {@code store_count} table (migration V8), in the transaction
 * that inserts or deletes the rows: status pages read a row instead of counting a table.
 */
final class RowCounts {

    static final String PAPERS = "paper";
    static final String FEATURED = "featured";

    private RowCounts() {
    }

    static String vectors(String model) {
        return "paper_vector:" + model;
    }

    /** The count kept under {@code name}; 0 for a name never counted (a model without vectors). */
    static long read(Handle handle, String name) {
        return handle.createQuery("SELECT value FROM store_count WHERE name = :name")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }
}
