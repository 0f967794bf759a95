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

    static HandleSource of(Database database) {
        return new OwnTransactions(database);
    }

    record OwnTransactions(Database database) implements HandleSource {

        @Override
        public <R> R read(HandleCallback<R, RuntimeException> work) {
            return database.jdbi().withHandle(work);
        }

        @Override
        public <R> R write(HandleCallback<R, RuntimeException> work) {
            return database.inWriteTransaction(work);
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
