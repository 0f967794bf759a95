package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HarvestRunnerTest {

    @Test
    void aSecondRunOfTheSameSourceIsSkippedWhileOneIsGoing() throws Exception {
        HarvestRunner runner = new HarvestRunner(new MemoryCheckpointStore(), Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> runner.run("slow", HarvestListener.NONE, listener -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new HarvestException(HarvestException.Code.INTERRUPTED, "stopped");
            }
            return HarvestCounts.NONE;
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        HarvestRunner.Outcome second = runner.run("slow", HarvestListener.NONE, listener -> HarvestCounts.NONE);

        assertThat(second.skipped()).isTrue();
        assertThat(runner.isRunning("slow")).isTrue();
        release.countDown();
        first.join();
        assertThat(runner.isRunning("slow")).isFalse();
    }

    @Test
    void aFailingRunIsRecordedWithItsCodeAndNeverThrows() {
        MemoryCheckpointStore store = new MemoryCheckpointStore();
        HarvestRunner runner = new HarvestRunner(store, Clock.systemUTC());

        HarvestRunner.Outcome outcome = runner.run("failing", HarvestListener.NONE, listener -> {
            throw new IllegalStateException("upstream is down");
        });

        assertThat(outcome.errorCode()).isEqualTo(HarvestException.Code.INTERNAL);
        assertThat(store.runs()).singleElement()
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo(HarvestException.Code.INTERNAL));
    }
}
