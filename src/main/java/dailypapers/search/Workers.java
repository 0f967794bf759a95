package dailypapers.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads for the CPU-bound parts of embedding and rebuilding. They are finished, never interrupted: Lucene
 * gives up on an index whose file I/O was interrupted, and the model must not be closed under a running encode.
 */
final class Workers {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private Workers() {
    }

    /** {@code threads} daemon threads named {@code name-1}, {@code name-2}, ... */
    static ExecutorService start(String name, int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets the workers finish what they were given and waits for them, even if this thread is interrupted. */
    static void finish(ExecutorService workers, String what) {
        workers.shutdown();
        boolean interrupted = Thread.interrupted();
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("waiting for the {} to finish", what);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
