package dailypapers.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sleeps in no time: records each wait and moves the test clock instead. */
public final class RecordingSleeper implements Sleeper {

    private final TestClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    public RecordingSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
