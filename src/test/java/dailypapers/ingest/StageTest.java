package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void itemsAreWorkedOnInOrderOnTheStagesThread() {
        List<String> done = new CopyOnWriteArrayList<>();
        try (Stage<Integer> stage = new Stage<>("test-stage", 2,
                n -> done.add(Thread.currentThread().getName() + ":" + n))) {
            for (int n = 1; n <= 100; n++) {
                stage.submit(n);
            }
            stage.finish();
        }
        assertThat(done).hasSize(100).startsWith("test-stage:1", "test-stage:2").endsWith("test-stage:100");
    }

    @Test
    void submittingWaitsWhileTheQueueIsFull() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (Stage<Integer> stage = new Stage<>("test-stage", 1, n -> await(release))) {
            stage.submit(1); // taken at once, then held by the latch
            stage.submit(2); // fills the queue
            Thread third = Thread.ofPlatform().start(() -> stage.submit(3));
            third.join(200);
            assertThat(third.isAlive()).as("a third item waits for room").isTrue();
            release.countDown();
            third.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(third.isAlive()).isFalse();
            stage.finish();
        }
    }

    @Test
    void theFirstFailureIsThrownToFinishAndToEverySubmitAfterAndLaterItemsAreDropped() {
        IllegalStateException broken = new IllegalStateException("broken");
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch allSubmitted = new CountDownLatch(1);
        Stage<Integer> stage = new Stage<>("test-stage", 4, n -> {
            await(allSubmitted);
            if (n == 2) {
                throw broken;
            }
            done.add(n);
        });
        stage.submit(1);
        stage.submit(2);
        stage.submit(3);
        allSubmitted.countDown();

        assertThatThrownBy(stage::finish).isSameAs(broken);
        assertThatThrownBy(() -> stage.submit(4)).isSameAs(broken);
        assertThat(done).containsExactly(1);
    }

    @Test
    void closingWithoutFinishingEndsTheThreadAndThrowsNothing() {
        Stage<Integer> stage = new Stage<>("test-stage-closed", 2, n -> {
            throw new IllegalStateException("ignored on close");
        });
        stage.submit(1);
        stage.close();
        stage.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("test-stage-closed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
