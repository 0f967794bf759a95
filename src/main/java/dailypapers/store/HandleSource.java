package dailypapers.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Where a store runs its statements: on the database, each call on a handle of its own (and a write in a
 * transaction of its own), or on the one handle of an enclosing {@link JdbiTransactions} transaction.
 */
sealed interface HandleSource {

    <R> R read(HandleCallback<R, RuntimeException> work);

    /** Runs statements that must commit together. */
    <R> R write(HandleCallback<R, RuntimeException> work);

    boolean isSqlite();

    /** For stores whose tables no page's data version covers: writes in plain transactions. */
    static HandleSource of(Database database) {
        return new OwnTransactions(database, false);
    }

    /**
     * For stores that write what the pages show (the tables with data_version triggers): writes in
     * {@link Database#inWriteTransaction}, which orders them behind the version row's lock.
     */
    static HandleSource versioned(Database database) {
        return new OwnTransactions(database, true);
    }

    record OwnTransactions(Database database, boolean versioned) implements HandleSource {

        @Override
        public <R> R read(HandleCallback<R, RuntimeException> work) {
            return database.jdbi().withHandle(work);
        }

        @Override
        public <R> R write(HandleCallback<R, RuntimeException> work) {
            return versioned ? database.inWriteTransaction(work) : database.jdbi().inTransaction(work);
        }

        @Override
        public boolean isSqlite() {
            return database.isSqlite();
        }
    }

    record SharedTransaction(Handle handle, boolean isSqlite) implements HandleSource {

        @Override
        public <R> R read(HandleCallback<R, RuntimeException> work) {
            return work.withHandle(handle);
        }

        @Override
        public <R> R write(HandleCallback<R, RuntimeException> work) {
            return work.withHandle(handle);
        }
    }
}
