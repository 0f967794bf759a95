package dailypapers.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One step of an import on a thread of its own, fed through a short queue so that memory stays bounded: whoever
 * hands it work waits while the queue is full. Items are worked on one at a time, in the order given. The first
 * failure is kept and thrown to whoever hands it the next item or {@link #finish finishes} it; items still queued
 * after a failure are dropped. The thread is never interrupted (an interrupted Lucene write gives up on the index):
 * it ends when it reaches the end of its queue.
 */
final class Stage<T> implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile Throwable failure;
    private boolean ended;

    Stage(String name, int capacity, Consumer<T> work) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().name(name).daemon().start(() -> run(work));
    }

    @SuppressWarnings("unchecked")
    private void run(Consumer<T> work) {
        while (true) {
            Object item = takeUninterruptibly();
            if (item == END) {
                return;
            }
            if (failure == null) {
                try {
                    work.accept((T) item);
                } catch (Throwable e) {
                    failure = e;
                }
            }
        }
    }

    /** Queues an item, waiting while the queue is full; throws the stage's failure instead once it has one. */
    void submit(T item) {
        rethrowFailure();
        putUninterruptibly(item);
    }

    /** Waits until every item handed over is done, then throws the stage's failure if it had one. */
    void finish() {
        close();
        rethrowFailure();
    }

    /** Ends the stage after the items already queued (or dropped after a failure) and waits for its thread. */
    @Override
    public void close() {
        if (ended) {
            return;
        }
        ended = true;
        putUninterruptibly(END);
        boolean interrupted = Thread.interrupted();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable e = failure;
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** The stage always makes progress, so a put waits only for items ahead of it, never forever. */
    private void putUninterruptibly(Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Object takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() ends the stage.
            }
        }
    }
}
