package dailypapers.paper;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The transaction seam: runs work in one database transaction, handing it stores that all write through that
 * transaction, so the writes commit together or not at all. Work that starts a transaction inside another, on the
 * same thread, joins the outer one. A transaction takes the database's write lock when it begins (on SQLite), so
 * two writers wait for each other instead of failing. Reads that need no transaction call the stores directly.
 *
 * @param <S> what the work is handed: the store package hands out all of its stores, and a feature is given a
 *            {@link #view} of just the stores it writes, typed by an interface or record of its own
 */
public interface Transactions<S> {

    /** Runs {@code work} in a transaction and commits it; rolls it back if {@code work} throws. */
    <R> R inTransaction(Function<? super S, ? extends R> work);

    default void run(Consumer<? super S> work) {
        inTransaction(stores -> {
            work.accept(stores);
            return null;
        });
    }

    /** The same transactions, handing out {@code view.apply(stores)}: e.g. only the paper store. */
    default <V> Transactions<V> view(Function<? super S, ? extends V> view) {
        Transactions<S> all = this;
        return new Transactions<>() {
            @Override
            public <R> R inTransaction(Function<? super V, ? extends R> work) {
                return all.inTransaction(stores -> work.apply(view.apply(stores)));
            }
        };
    }
}
