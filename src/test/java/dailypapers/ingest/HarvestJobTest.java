package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HarvestJobTest {

    /** A source whose runs are counted; it can fail or hang on demand. */
    private static final class CountingHarvester implements Harvester {

        private final String source;
        private final AtomicInteger runs = new AtomicInteger();
        private final boolean fails;
        private final CountDownLatch hang;

        CountingHarvester(String source, boolean fails, CountDownLatch hang) {
            this.source = source;
            this.fails = fails;
            this.hang = hang;
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public HarvestCounts harvest(HarvestListener listener) throws HarvestException {
            runs.incrementAndGet();
            if (hang != null) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    throw new HarvestException(HarvestException.Code.INTERRUPTED, "stopped");
                }
            }
            if (fails) {
                throw new IllegalStateException("upstream is down");
            }
            return HarvestCounts.NONE;
        }
    }

    @Test
    void aFailingOrHangingSourceNeverBlocksAnother() throws Exception {
        MemoryCheckpointStore store = new MemoryCheckpointStore();
        HarvestRunner runner = new HarvestRunner(store, Clock.systemUTC());
        CountDownLatch forever = new CountDownLatch(1);
        CountingHarvester healthy = new CountingHarvester("healthy", false, null);
        CountingHarvester failing = new CountingHarvester("failing", true, null);
        CountingHarvester hanging = new CountingHarvester("hanging", false, forever);
        Duration every = Duration.ofMillis(20);

        try (HarvestJob job = HarvestJob.start(List.of(new HarvestJob.Schedule(hanging, every),
                new HarvestJob.Schedule(failing, every), new HarvestJob.Schedule(healthy, every)), runner,
                Duration.ZERO)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((healthy.runs.get() < 3 || failing.runs.get() < 3) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(healthy.runs.get()).isGreaterThanOrEqualTo(3);
        assertThat(failing.runs.get()).as("a failure does not end the schedule").isGreaterThanOrEqualTo(3);
        assertThat(hanging.runs.get()).as("a hanging run is not started again while it runs").isEqualTo(1);
        assertThat(store.runs()).anySatisfy(r -> assertThat(r.errorCode()).isEqualTo(HarvestException.Code.INTERNAL));
        assertThat(store.runs()).anySatisfy(r -> assertThat(r.succeeded()).isTrue());
    }

    @Test
    void aSecondRunOfTheSameSourceIsSkippedWhileOneIsGoing() throws Exception {
        HarvestRunner runner = new HarvestRunner(new MemoryCheckpointStore(), Clock.systemUTC());
        CountDownLatch release = new CountDownLatch(1);
        CountingHarvester slow = new CountingHarvester("slow", false, release);
        Thread first = Thread.ofVirtual().start(() -> runner.run(slow, HarvestListener.NONE));
        while (slow.runs.get() == 0) {
            Thread.sleep(5);
        }

        HarvestRunner.Outcome second = runner.run(slow, HarvestListener.NONE);

        assertThat(second.skipped()).isTrue();
        assertThat(runner.isRunning("slow")).isTrue();
        release.countDown();
        first.join();
        assertThat(runner.isRunning("slow")).isFalse();
        assertThat(slow.runs.get()).isEqualTo(1);
    }
}
